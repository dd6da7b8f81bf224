/** The learner's identifying fields as a request gives them. */
export interface LearnerIdentity {
  givenName: string;
  familyName: string;
  email: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth?: string;
  /** A DID (did:...) or another wallet identifier the credential is bound to. */
  walletId?: string;
}

export const PERSONAL_FIELDS = ['givenName', 'familyName', 'email', 'dateOfBirth', 'walletId'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * The identity as events store it: every personal field sealed with the learner's own key, which lives
 * outside the event stream. Destroying that key erases the person while the events (and their hashes)
 * stay exactly as written.
 */
export interface ProtectedIdentity {
  /** Which learner key sealed the fields (the learner id). */
  keyId: string;
  /** Sealing scheme, so a later scheme can coexist with old events. */
  scheme: 'aes-256-gcm.v1';
  fields: Partial<Record<PersonalField, string>>;
}
