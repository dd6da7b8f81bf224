import type { ActingMember } from '../credential/credential.commands';
import type { Credential } from '../credential/credential.state';
import type { FinalRevocationRecord } from './final-revocation.events';

/** From the revocation itself (issuance records it as the admin's revocation is recorded). */
export interface RecordFinalRevocation extends FinalRevocationRecord {
  type: 'RecordFinalRevocation';
}

/** Records `credential` as revoked for good by the admin of `revokedBy`, for `reason`. */
export function recordFinalRevocationOf(credential: Credential, revokedBy: string, reason: string): RecordFinalRevocation {
  return {
    type: 'RecordFinalRevocation',
    learnerId: credential.learnerId,
    specId: credential.specId,
    credentialId: credential.credentialId,
    awardingBodies: credential.awardingBodies.map((b) => b.institutionId),
    revokedBy,
    reason,
  };
}

/** An awarding body's admin lifts the final revocation of `credentialId`, with a reason. */
export interface LiftFinalRevocation {
  type: 'LiftFinalRevocation';
  credentialId: string;
  reason: string;
  /** The admin's institution, with its standing as issuance knows it. */
  by: ActingMember;
}

export type FinalRevocationCommand = RecordFinalRevocation | LiftFinalRevocation;
