/** A public key the catalogue registered for an institution, with its validity window. */
export interface RegisteredKey {
  keyId: string;
  /** `<did>#<keyId>`: what a proof names in `verificationMethod`. */
  verificationMethodId: string;
  publicKeyMultibase: string;
  custody: 'issuance-service' | 'institution';
  validFrom: string;
  validUntil?: string;
  /** Revoked for compromise: no signature made at or after this instant counts. */
  compromisedSince?: string;
}

/** `pending`: registered by the alliance, waiting for its own admin's first key; it may not sign yet. */
export type MembershipStatus = 'pending' | 'active' | 'suspended' | 'removed';

/** What issuance knows of a member institution, learned from catalogue events. */
export interface InstitutionSnapshot {
  institutionId: string;
  name: string;
  legalName?: string;
  countryCode: string;
  region?: string;
  homepage?: string;
  did: string;
  status: MembershipStatus;
  /** Each status with the instant it began, oldest first. */
  statusHistory: { status: MembershipStatus; from: string }[];
  keys: RegisteredKey[];
}

/** validFrom inclusive, validUntil exclusive, as the catalogue defines key windows; nothing from compromisedSince on. */
export function keyCovers(key: Pick<RegisteredKey, 'validFrom' | 'validUntil' | 'compromisedSince'>, at: string): boolean {
  const t = Date.parse(at);
  if (key.compromisedSince !== undefined && t >= Date.parse(key.compromisedSince)) return false;
  return Date.parse(key.validFrom) <= t && (key.validUntil === undefined || t < Date.parse(key.validUntil));
}

export function membershipAt(institution: Pick<InstitutionSnapshot, 'statusHistory'>, at: string): MembershipStatus | 'not-registered' {
  const t = Date.parse(at);
  let status: MembershipStatus | 'not-registered' = 'not-registered';
  for (const period of institution.statusHistory) if (Date.parse(period.from) <= t) status = period.status;
  return status;
}
