import type { JsonObject } from '@alliance/credentials';
import { check, type VerificationCheck } from '../../../domain/report/verification-check';

/** The credential's date fields, each with the word a reader knows it by. */
const DATE_FIELDS = [
  ['validFrom', 'start'],
  ['validUntil', 'end'],
] as const;

export function validityPeriodCheck(document: JsonObject, now: Date): VerificationCheck {
  const { validFrom, validUntil } = document;
  const details = {
    ...(typeof validFrom === 'string' ? { validFrom } : {}),
    ...(typeof validUntil === 'string' ? { validUntil } : {}),
    checkedAt: now.toISOString(),
  };
  for (const [field, which] of DATE_FIELDS) {
    const value = document[field];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
      return check(
        'validity-period',
        'failed',
        `Its ${which} date is not a date.`,
        [{ code: 'MALFORMED_VALUE', message: `${field} is not a date-time` }],
        details,
      );
    }
  }
  if (typeof validFrom === 'string' && Date.parse(validFrom) > now.getTime()) {
    return check(
      'validity-period',
      'failed',
      `It is not valid yet: it takes effect on ${validFrom}.`,
      [{ code: 'CREDENTIAL_NOT_YET_VALID', message: `valid from ${validFrom}` }],
      details,
    );
  }
  if (typeof validUntil === 'string' && Date.parse(validUntil) <= now.getTime()) {
    return check(
      'validity-period',
      'failed',
      `It expired on ${validUntil}.`,
      [{ code: 'CREDENTIAL_EXPIRED', message: `expired at ${validUntil}` }],
      details,
    );
  }
  return check(
    'validity-period',
    'passed',
    typeof validUntil === 'string' ? `It is within its validity period (until ${validUntil}).` : 'It is in effect and does not expire.',
    [],
    details,
  );
}
