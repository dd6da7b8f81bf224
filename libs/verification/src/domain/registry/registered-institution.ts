/** `pending`: registered, but its own admin has not yet registered a key; it may not award or sign. */
export type MembershipStatus = 'pending' | 'active' | 'suspended' | 'removed';

/** Who holds a key's private half: the member's own signer, or the platform's issuance service by delegation. */
export type KeyCustody = 'institution' | 'issuance-service';

/** A key the alliance registry bound to an institution, with its validity window. */
export interface RegisteredKey {
  keyId: string;
  verificationMethodId: string;
  publicKeyMultibase: string;
  validFrom: string;
  validUntil?: string;
  /** Absent on keys recorded before verification kept it. */
  custody?: KeyCustody;
  revokedAt?: string;
  revocationReason?: string;
  /** The key was compromised: every signature made at or after this instant is invalid, earlier ones stay valid. */
  compromisedSince?: string;
}

/** A key the catalogue announced for a member whose proof of possession did not verify: never bound to it. */
export interface UnboundKey {
  keyId: string;
  verificationMethodId: string;
  reason: string;
}

/** A member's withdrawal of one of its keys. */
export interface KeyRevocation {
  keyId: string;
  reason: string;
  revokedAt: string;
  compromisedSince?: string;
}

/** The alliance registry's record of a member, as the catalogue published it: it wins over what a credential claims. */
export interface RegisteredInstitution {
  institutionId: string;
  name: string;
  legalName?: string;
  countryCode: string;
  region?: string;
  homepage?: string;
  did: string;
  statusHistory: { status: MembershipStatus; from: string; reason?: string }[];
  keys: RegisteredKey[];
  unboundKeys?: UnboundKey[];
  /** Revocations that arrived before their key (a replay from dead letters), applied when the key arrives. */
  pendingRevocations?: KeyRevocation[];
}

export function membershipAt(institution: Pick<RegisteredInstitution, 'statusHistory'>, at: string): MembershipStatus | 'not-registered' {
  const t = Date.parse(at);
  let status: MembershipStatus | 'not-registered' = 'not-registered';
  for (const period of institution.statusHistory) if (Date.parse(period.from) <= t) status = period.status;
  return status;
}

/** Does a signature made at `at` count for this key: inside its window, and before any compromise? */
export function keyCovers(key: Pick<RegisteredKey, 'validFrom' | 'validUntil' | 'compromisedSince'>, at: string): boolean {
  const t = Date.parse(at);
  return Date.parse(key.validFrom) <= t && (key.validUntil === undefined || t < Date.parse(key.validUntil)) && !compromisedAt(key, at);
}

/** Was the key already compromised at `at` (at or after its `compromisedSince`)? */
export function compromisedAt(key: Pick<RegisteredKey, 'compromisedSince'>, at: string): boolean {
  return key.compromisedSince !== undefined && Date.parse(at) >= Date.parse(key.compromisedSince);
}
