/**
 * An awarding body's admin revoked a learner's credential for good: no credential of that definition is issued
 * to the learner again, on any award track, until an awarding body's admin lifts it.
 */
export interface FinalRevocationRecorded {
  type: 'FinalRevocationRecorded';
  data: FinalRevocationRecord & { recordedAt: string };
}

/** A revocation for good as issuance keeps it: which learner's credential of which definition, by whom, why. */
export interface FinalRevocationRecord {
  learnerId: string;
  specId: string;
  credentialId: string;
  /** Whose admins may lift it: the awarding bodies of the revoked credential. */
  awardingBodies: string[];
  /** The awarding body whose admin revoked. */
  revokedBy: string;
  reason: string;
}

/** An awarding body's admin decided the learner may be awarded the definition again; the next credential replaces the revoked one. */
export interface FinalRevocationLifted {
  type: 'FinalRevocationLifted';
  data: {
    learnerId: string;
    specId: string;
    credentialId: string;
    liftedBy: { subject: string; institutionId: string };
    reason: string;
    liftedAt: string;
  };
}

export type FinalRevocationEvent = FinalRevocationRecorded | FinalRevocationLifted;

export const FINAL_REVOCATION_EVENT_TYPES: readonly FinalRevocationEvent['type'][] = ['FinalRevocationRecorded', 'FinalRevocationLifted'];
