import { CatalogueException, violation, type Violation } from '../catalogue.exception';
import type { SigningKeyRecord } from './institution.events';
import type { NewSigningKey } from './institution.commands';
import type { Institution } from './institution.state';
import { isViolation, parseEd25519PublicKey } from './public-key';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const KEY_ID_RULE = 'keyId must be 1-64 of A-Z a-z 0-9 . _ -';
/** Clock skew tolerated on a requested validFrom before it counts as backdating. */
const BACKDATE_TOLERANCE_MS = 5 * 60_000;

export const isKeyId = (keyId: unknown): keyId is string => typeof keyId === 'string' && KEY_ID.test(keyId);

/**
 * Is the key usable at this instant (validFrom inclusive, validUntil exclusive)? A compromised key stops
 * at `compromisedSince`, whatever its window says: signatures made before it stay valid, none after.
 */
export function keyCoversInstant(key: SigningKeyRecord, at: string): boolean {
  const t = Date.parse(at);
  const end = key.validUntil === undefined || t < Date.parse(key.validUntil);
  return Date.parse(key.validFrom) <= t && end && !isCompromisedAt(key, at);
}

export function isCompromisedAt(key: SigningKeyRecord, at: string): boolean {
  return key.compromisedSince !== undefined && Date.parse(at) >= Date.parse(key.compromisedSince);
}

/**
 * Builds the record of a new key, or throws naming the offending field. A key may start in the future
 * (planned rollover) but never in the past: backdating would let it vouch for signatures made before it existed.
 */
export function newKeyRecord(institution: Institution, input: NewSigningKey, now: string, field: string): SigningKeyRecord {
  const errors: Violation[] = [];
  const keyId = input.keyId ?? nextKeyId(institution);
  if (!isKeyId(keyId)) errors.push(violation(`${field}.keyId`, 'key.key-id-format', KEY_ID_RULE));
  else if (institution.keys.some((k) => k.keyId === keyId)) {
    throw new CatalogueException(
      'catalogue.key.key-id-taken',
      `keyId ${keyId} is already registered for this institution`,
      `${field}.keyId`,
    );
  }
  const parsed = parseEd25519PublicKey(input, field);
  if (isViolation(parsed)) errors.push(parsed);
  const validFrom = input.validFrom ?? now;
  if (Number.isNaN(Date.parse(validFrom)))
    errors.push(violation(`${field}.validFrom`, 'key.valid-from-format', 'validFrom must be an ISO 8601 instant'));
  else if (Date.parse(validFrom) < Date.parse(now) - BACKDATE_TOLERANCE_MS) {
    errors.push(violation(`${field}.validFrom`, 'key.backdated', 'validFrom may not lie in the past'));
  }
  if (input.validUntil !== undefined && !(Date.parse(input.validUntil) > Date.parse(validFrom))) {
    errors.push(violation(`${field}.validUntil`, 'key.valid-until-order', 'validUntil must be an ISO 8601 instant after validFrom'));
  }
  if (errors.length > 0 || isViolation(parsed)) throw CatalogueException.invalid(errors);
  if (institution.keys.some((k) => k.publicKeyMultibase === parsed.publicKeyMultibase)) {
    throw new CatalogueException(
      'catalogue.key.already-registered',
      'this public key is already registered for this institution',
      `${field}.publicKeyMultibase`,
    );
  }
  return {
    keyId,
    verificationMethodId: `${institution.did}#${keyId}`,
    type: 'Multikey',
    algorithm: 'Ed25519',
    ...parsed,
    custody: input.custody ?? 'institution',
    validFrom: new Date(validFrom).toISOString(),
    ...(input.validUntil !== undefined ? { validUntil: new Date(input.validUntil).toISOString() } : {}),
  };
}

function nextKeyId(institution: Institution): string {
  let n = institution.keys.length + 1;
  while (institution.keys.some((k) => k.keyId === `key-${n}`)) n++;
  return `key-${n}`;
}
