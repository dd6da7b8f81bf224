/**
 * A learner's links that let someone else (an employer) read one credential. Nothing secret is in the events: the
 * link's token is derived from the credential and share ids with a key derived from the issuance master key, so
 * nobody rebuilds a working link from the log.
 */
export interface CredentialShared {
  type: 'CredentialShared';
  data: { shareId: string; credentialId: string; learnerId: string; expiresAt: string; sharedAt: string };
}

/** The learner withdrew a link: it opens nothing any more. */
export interface CredentialShareRevoked {
  type: 'CredentialShareRevoked';
  data: { shareId: string; revokedAt: string };
}

export type CredentialShareEvent = CredentialShared | CredentialShareRevoked;
