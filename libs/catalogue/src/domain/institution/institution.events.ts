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
  /** Absent while the key has no planned end; set by rotation. */
  validUntil?: string;
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
  data: InstitutionProfile & { institutionId: string; registeredAt: string };
}

export interface SigningKeyAdded {
  type: 'SigningKeyAdded';
  data: { institutionId: string; key: SigningKeyRecord };
}

/** One event for both halves of a rotation, so no reader ever sees two keys open or none. */
export interface SigningKeyRotated {
  type: 'SigningKeyRotated';
  data: { institutionId: string; previousKeyId: string; previousValidUntil: string; newKey: SigningKeyRecord; reason?: string };
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
  | SigningKeyAdded
  | SigningKeyRotated
  | InstitutionSuspended
  | InstitutionReinstated
  | InstitutionRemoved;

export const INSTITUTION_EVENT_TYPES: readonly InstitutionEvent['type'][] = [
  'InstitutionRegistered',
  'SigningKeyAdded',
  'SigningKeyRotated',
  'InstitutionSuspended',
  'InstitutionReinstated',
  'InstitutionRemoved',
];
