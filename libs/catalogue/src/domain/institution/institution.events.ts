import type { KeyPossessionChallenge } from '@alliance/credentials';

/** The institution's proof that it holds the private key: the catalogue's challenge and the key's signature over it. */
export interface KeyPossession {
  challenge: KeyPossessionChallenge;
  /** base64url Ed25519 signature over `keyPossessionSigningInput(challenge)`. */
  signature: string;
}

/** How the catalogue confirmed that an institution-hosted DID document listed the key before binding it. */
export interface DidDocumentConfirmation {
  /** Where the document was read. */
  url: string;
  /** When it was read. */
  at: string;
  /** The method that lists the key (normally `<did>#<keyId>`). */
  verificationMethod: string;
}

/** A public signing key as registered: the catalogue's record, from which DID documents are derived. */
export interface SigningKeyRecord {
  /** Fragment of the verification method, unique within the institution (e.g. `key-1`). */
  keyId: string;
  /** `<did>#<keyId>`: what a Data Integrity proof names in `verificationMethod`. */
  verificationMethodId: string;
  type: 'Multikey';
  algorithm: 'Ed25519';
  publicKeyMultibase: string;
  publicKeyJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  /** Who holds the private key: the platform's issuance service, or the institution itself. */
  custody: 'issuance-service' | 'institution';
  validFrom: string;
  /** Absent while the key has no planned end; set by rotation and revocation. */
  validUntil?: string;
  /** Absent only on keys registered before proofs of possession existed. */
  possession?: KeyPossession;
  /** Only for members whose DID document their institution hosts; absent on keys registered before the check existed. */
  didDocumentChecked?: DidDocumentConfirmation;
  /** Set when folding a revocation, never in the event that adds the key. */
  revokedAt?: string;
  revocationReason?: string;
  /** From this instant on the private key may have been in other hands: no signature made since counts. */
  compromisedSince?: string;
}

export interface InstitutionProfile {
  name: string;
  legalName: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  region?: string;
  homepage: string;
  did: string;
}

export interface InstitutionRegistered {
  type: 'InstitutionRegistered';
  /** `status` absent: registered before onboarding existed, and active from the start. */
  data: InstitutionProfile & { institutionId: string; registeredAt: string; status?: 'pending' };
}

/** Internal: a single-use challenge whose signature proves possession of the key `keyId` will name. */
export interface KeyChallengeIssued {
  type: 'KeyChallengeIssued';
  data: { institutionId: string; keyId: string; nonce: string; expiresAt: string; issuedAt: string };
}

export interface SigningKeyAdded {
  type: 'SigningKeyAdded';
  data: { institutionId: string; key: SigningKeyRecord };
}

/** The member's own admin registered its first key: from now on it may award, approve and sign. */
export interface InstitutionActivated {
  type: 'InstitutionActivated';
  data: { institutionId: string; activatedAt: string };
}

/** One event for both halves of a rotation, so no reader ever sees two keys open or none. */
export interface SigningKeyRotated {
  type: 'SigningKeyRotated';
  data: { institutionId: string; previousKeyId: string; previousValidUntil: string; newKey: SigningKeyRecord; reason?: string };
}

/** Without `compromisedSince` a retirement; with it, signatures made at or after that instant no longer count. */
export interface SigningKeyRevoked {
  type: 'SigningKeyRevoked';
  data: { institutionId: string; keyId: string; reason: string; revokedAt: string; compromisedSince?: string };
}

export interface InstitutionSuspended {
  type: 'InstitutionSuspended';
  data: { institutionId: string; reason: string; suspendedAt: string };
}

export interface InstitutionReinstated {
  type: 'InstitutionReinstated';
  data: { institutionId: string; reinstatedAt: string };
}

export interface InstitutionRemoved {
  type: 'InstitutionRemoved';
  data: { institutionId: string; reason: string; removedAt: string };
}

export type InstitutionEvent =
  | InstitutionRegistered
  | KeyChallengeIssued
  | SigningKeyAdded
  | InstitutionActivated
  | SigningKeyRotated
  | SigningKeyRevoked
  | InstitutionSuspended
  | InstitutionReinstated
  | InstitutionRemoved;

export const INSTITUTION_EVENT_TYPES: readonly InstitutionEvent['type'][] = [
  'InstitutionRegistered',
  'KeyChallengeIssued',
  'SigningKeyAdded',
  'InstitutionActivated',
  'SigningKeyRotated',
  'SigningKeyRevoked',
  'InstitutionSuspended',
  'InstitutionReinstated',
  'InstitutionRemoved',
];
