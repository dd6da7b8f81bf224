import { IsBoolean, IsOptional } from 'class-validator';
import { ReasonedCredentialCommand } from '../reasoned-credential.command';
import type { StatusChanged } from '../status-authority';

/** `final` when it was revoked for good. */
export type RevokeCredentialResult = StatusChanged & { final?: boolean };

export class RevokeCredentialCommand extends ReasonedCredentialCommand<RevokeCredentialResult> {
  /** For good: no new credential of the definition for the learner until an awarding body's admin lifts it. */
  @IsOptional()
  @IsBoolean()
  final?: boolean;
}
