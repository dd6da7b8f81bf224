import { ReasonedCredentialCommand } from '../reasoned-credential.command';
import type { StatusChanged } from '../status-authority';

export class SuspendCredentialCommand extends ReasonedCredentialCommand<StatusChanged> {}
