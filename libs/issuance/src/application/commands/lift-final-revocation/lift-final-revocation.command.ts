import { ReasonedCredentialCommand } from '../reasoned-credential.command';
import type { FinalRevocation } from '../../../domain/final-revocation/final-revocation.state';

export interface LiftFinalRevocationResult {
  credentialId: string;
  learnerId: string;
  specId: string;
  lifted: NonNullable<FinalRevocation['lifted']>;
  lastPosition?: number;
}

/** An awarding body's admin lets the learner be awarded the definition again after a revocation for good. */
export class LiftFinalRevocationCommand extends ReasonedCredentialCommand<LiftFinalRevocationResult> {}
