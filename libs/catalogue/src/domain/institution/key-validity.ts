import type { SigningKeyRecord } from './institution.events';
import type { InstitutionStatus, StatusPeriod } from './institution.state';
import { isCompromisedAt, keyCoversInstant } from './signing-keys';

export type KeyValidityReason =
  | 'not-yet-valid'
  | 'expired'
  | 'revoked'
  | 'compromised'
  | 'institution-not-registered'
  | 'institution-pending'
  | 'institution-suspended'
  | 'institution-removed';

export interface KeyValidity {
  keyId: string;
  verificationMethodId: string;
  at: string;
  /** The key was bound to the institution at `at` and the institution was an active member then. */
  valid: boolean;
  reason?: KeyValidityReason;
  validFrom: string;
  validUntil?: string;
  revokedAt?: string;
  /** Signatures made at or after this instant are not the institution's. */
  compromisedSince?: string;
  institutionStatusAt: InstitutionStatus | 'not-registered';
}

/** The member's standing at an instant, from its status history (periods in time order). */
export function statusAt(history: StatusPeriod[], at: string): InstitutionStatus | 'not-registered' {
  const t = Date.parse(at);
  let status: InstitutionStatus | 'not-registered' = 'not-registered';
  for (const period of history) {
    if (Date.parse(period.from) <= t) status = period.status;
  }
  return status;
}

const STANDING_REASONS: Record<Exclude<InstitutionStatus, 'active'> | 'not-registered', KeyValidityReason> = {
  'not-registered': 'institution-not-registered',
  pending: 'institution-pending',
  suspended: 'institution-suspended',
  removed: 'institution-removed',
};

/**
 * Answers a verifier's question "was this key valid for this institution at T": the key's own window and
 * the member's standing both count, since a suspended member's signatures must not be trusted.
 */
export function keyValidityAt(key: SigningKeyRecord, history: StatusPeriod[], at: string): KeyValidity {
  const standing = statusAt(history, at);
  const reason = invalidity(key, standing, at);
  return {
    keyId: key.keyId,
    verificationMethodId: key.verificationMethodId,
    at: new Date(at).toISOString(),
    valid: reason === undefined,
    ...(reason ? { reason } : {}),
    validFrom: key.validFrom,
    ...(key.validUntil ? { validUntil: key.validUntil } : {}),
    ...(key.revokedAt ? { revokedAt: key.revokedAt } : {}),
    ...(key.compromisedSince ? { compromisedSince: key.compromisedSince } : {}),
    institutionStatusAt: standing,
  };
}

function invalidity(key: SigningKeyRecord, standing: InstitutionStatus | 'not-registered', at: string): KeyValidityReason | undefined {
  if (Date.parse(at) < Date.parse(key.validFrom)) return 'not-yet-valid';
  if (isCompromisedAt(key, at)) return 'compromised';
  if (!keyCoversInstant(key, at)) return key.revokedAt !== undefined && Date.parse(at) >= Date.parse(key.revokedAt) ? 'revoked' : 'expired';
  return standing === 'active' ? undefined : STANDING_REASONS[standing];
}
