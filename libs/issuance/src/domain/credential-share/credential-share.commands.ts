/** Make a link to an issued credential, open for `expiresInDays`. */
export interface ShareCredential {
  type: 'ShareCredential';
  shareId: string;
  credentialId: string;
  learnerId: string;
  /** The credential's lifecycle now: only an issued credential is shared. */
  credentialLifecycle: string;
  expiresInDays: number;
}

/** Withdraw a link the learner made. */
export interface RevokeCredentialShare {
  type: 'RevokeCredentialShare';
  shareId: string;
}

export type CredentialShareCommand = ShareCredential | RevokeCredentialShare;
