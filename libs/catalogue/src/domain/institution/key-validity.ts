import type { SigningKeyRecord } from './institution.events';
import type { InstitutionStatus, StatusPeriod } from './institution.state';
import { keyCoversInstant } from './signing-keys';

export type KeyValidityReason = 'not-yet-valid' | 'expired' | 'institution-not-registered' | 'institution-suspended' | 'institution-removed';

export interface KeyValidity {
  keyId: string;
  verificationMethodId: string;
  at: string;
  /** The key was bound to the institution at `at` and the institution was an active member then. */
  valid: boolean;
  reason?: KeyValidityReason;
  validFrom: string;
  validUntil?: string;
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

/**
 * Answers a verifier's question "was this key valid for this institution at T": the key's own window and
 * the member's standing both count, since a suspended member's signatures must not be trusted.
 */
export function keyValidityAt(key: SigningKeyRecord, history: StatusPeriod[], at: string): KeyValidity {
  const standing = statusAt(history, at);
  const reason: KeyValidityReason | undefined =
    Date.parse(at) < Date.parse(key.validFrom)
      ? 'not-yet-valid'
      : !keyCoversInstant(key, at)
        ? 'expired'
        : standing === 'active'
          ? undefined
          : standing === 'not-registered'
            ? 'institution-not-registered'
            : standing === 'suspended'
              ? 'institution-suspended'
              : 'institution-removed';
  return {
    keyId: key.keyId,
    verificationMethodId: key.verificationMethodId,
    at: new Date(at).toISOString(),
    valid: reason === undefined,
    ...(reason ? { reason } : {}),
    validFrom: key.validFrom,
    ...(key.validUntil ? { validUntil: key.validUntil } : {}),
    institutionStatusAt: standing,
  };
}
