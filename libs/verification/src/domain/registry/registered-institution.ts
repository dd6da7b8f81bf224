export type MembershipStatus = 'active' | 'suspended' | 'removed';

/** A key the alliance registry bound to an institution, with its validity window. */
export interface RegisteredKey {
  keyId: string;
  verificationMethodId: string;
  publicKeyMultibase: string;
  validFrom: string;
  validUntil?: string;
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
}

export function membershipAt(institution: Pick<RegisteredInstitution, 'statusHistory'>, at: string): MembershipStatus | 'not-registered' {
  const t = Date.parse(at);
  let status: MembershipStatus | 'not-registered' = 'not-registered';
  for (const period of institution.statusHistory) if (Date.parse(period.from) <= t) status = period.status;
  return status;
}

export function keyCovers(key: Pick<RegisteredKey, 'validFrom' | 'validUntil'>, at: string): boolean {
  const t = Date.parse(at);
  return Date.parse(key.validFrom) <= t && (key.validUntil === undefined || t < Date.parse(key.validUntil));
}
