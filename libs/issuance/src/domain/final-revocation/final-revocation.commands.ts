import type { ActingMember } from '../credential/credential.commands';

/** From the revocation itself (issuance records it as the admin's revocation is recorded). */
export interface RecordFinalRevocation {
  type: 'RecordFinalRevocation';
  learnerId: string;
  specId: string;
  credentialId: string;
  awardingBodies: string[];
  revokedBy: string;
  reason: string;
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
