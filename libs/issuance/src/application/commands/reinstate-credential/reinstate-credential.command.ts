import { ReasonedCredentialCommand } from '../reasoned-credential.command';
import type { StatusChanged } from '../status-authority';

export class ReinstateCredentialCommand extends ReasonedCredentialCommand<StatusChanged> {}
