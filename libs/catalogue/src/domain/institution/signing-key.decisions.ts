import { CatalogueException, violation } from '../catalogue.exception';
import type { AddSigningKey, IssueKeyChallenge, RevokeSigningKey, RotateSigningKey } from './institution.commands';
import type { DidDocumentConfirmation, InstitutionEvent } from './institution.events';
import type { Institution } from './institution.state';
import { isExpired, KEY_CHALLENGE_TTL_MS, MAX_OPEN_KEY_CHALLENGES, NONCE_FORMAT } from './key-challenges';
import { keyIdFor, requirePossession } from './key-possession.rules';
import { isKeyId, KEY_ID_RULE, keyCoversInstant, newKeyRecord } from './signing-keys';

/** Key decisions; the decider has already checked that the actor is the institution's own admin. */
export function issueKeyChallenge(institution: Institution, command: IssueKeyChallenge, now: string): InstitutionEvent[] {
  const { institutionId } = institution;
  const { keyId, nonce } = command;
  if (!isKeyId(keyId)) throw CatalogueException.invalid([violation('keyId', 'key.key-id-format', KEY_ID_RULE)]);
  if (institution.keys.some((k) => k.keyId === keyId)) {
    throw new CatalogueException('catalogue.key.key-id-taken', `keyId ${keyId} is already registered for this institution`, 'keyId');
  }
  if (typeof nonce !== 'string' || !NONCE_FORMAT.test(nonce) || institution.challenges.some((c) => c.nonce === nonce)) {
    throw CatalogueException.invalid([violation('nonce', 'key.challenge-nonce', 'the nonce must be 32 fresh random bytes in base64url')]);
  }
  const open = institution.challenges.filter((c) => !c.used && !isExpired(c, now)).length;
  if (open >= MAX_OPEN_KEY_CHALLENGES) {
    throw new CatalogueException(
      'catalogue.key.too-many-challenges',
      `${open} challenges are still open; use one or let them expire (${KEY_CHALLENGE_TTL_MS / 60_000} minutes)`,
    );
  }
  const expiresAt = new Date(Date.parse(now) + KEY_CHALLENGE_TTL_MS).toISOString();
  return [{ type: 'KeyChallengeIssued', data: { institutionId, keyId, nonce, expiresAt, issuedAt: now } }];
}

/** The member's first key is its admin's confirmation of membership: a pending member becomes active with it. */
export function addSigningKey(institution: Institution, command: AddSigningKey, now: string): InstitutionEvent[] {
  const { institutionId } = institution;
  const keyId = keyIdFor(institution, command.key.keyId, command.proofOfPossession);
  const record = newKeyRecord(institution, { ...command.key, ...(keyId !== undefined ? { keyId } : {}) }, now, 'key');
  const possession = requirePossession(institution, record, command.proofOfPossession, now);
  const added: InstitutionEvent = {
    type: 'SigningKeyAdded',
    data: { institutionId, key: { ...record, possession, ...confirmation(command.didDocumentChecked) } },
  };
  if (institution.status !== 'pending') return [added];
  return [added, { type: 'InstitutionActivated', data: { institutionId, activatedAt: now } }];
}

export function rotateSigningKey(institution: Institution, command: RotateSigningKey, now: string): InstitutionEvent[] {
  const previous = institution.keys.find((k) => k.keyId === command.previousKeyId);
  if (!previous) throw new CatalogueException('catalogue.signing-key-not-found', `No signing key ${command.previousKeyId}.`, 'keyId');
  if (!keyCoversInstant(previous, now)) {
    throw new CatalogueException(
      'catalogue.key.not-current',
      `key ${previous.keyId} is not currently valid, so it cannot be rotated; add a new key instead`,
      'keyId',
    );
  }
  const keyId = keyIdFor(institution, command.newKey.keyId, command.proofOfPossession);
  const record = newKeyRecord(institution, { ...command.newKey, ...(keyId !== undefined ? { keyId } : {}), validFrom: now }, now, 'newKey');
  const newKey = {
    ...record,
    possession: requirePossession(institution, record, command.proofOfPossession, now),
    ...confirmation(command.didDocumentChecked),
  };
  const { institutionId } = institution;
  const reason = command.reason ? { reason: command.reason } : {};
  return [
    { type: 'SigningKeyRotated', data: { institutionId, previousKeyId: previous.keyId, previousValidUntil: now, newKey, ...reason } },
  ];
}

function confirmation(checked: DidDocumentConfirmation | undefined): { didDocumentChecked?: DidDocumentConfirmation } {
  return checked ? { didDocumentChecked: checked } : {};
}

/**
 * Withdraws a key. A compromise may be discovered late, so `compromisedSince` may lie far in the past (that is
 * its point: it invalidates what a thief signed meanwhile), but never in the future, which nobody can know.
 */
export function revokeSigningKey(institution: Institution, command: RevokeSigningKey, now: string): InstitutionEvent[] {
  const key = institution.keys.find((k) => k.keyId === command.keyId);
  if (!key) throw new CatalogueException('catalogue.signing-key-not-found', `No signing key ${command.keyId}.`, 'keyId');
  if (key.revokedAt !== undefined)
    throw new CatalogueException('catalogue.key.already-revoked', `key ${key.keyId} was revoked at ${key.revokedAt}`, 'keyId');
  const { compromisedSince } = command;
  const since = typeof compromisedSince === 'string' ? Date.parse(compromisedSince) : Number.NaN;
  if (compromisedSince !== undefined && Number.isNaN(since)) {
    throw CatalogueException.invalid([
      violation('compromisedSince', 'key.compromised-since-format', 'compromisedSince must be an ISO 8601 instant'),
    ]);
  }
  if (since > Date.parse(now)) {
    throw CatalogueException.invalid([
      violation('compromisedSince', 'key.compromised-since-future', 'compromisedSince may not lie in the future'),
    ]);
  }
  const { institutionId } = institution;
  const compromise = compromisedSince !== undefined ? { compromisedSince: new Date(since).toISOString() } : {};
  return [{ type: 'SigningKeyRevoked', data: { institutionId, keyId: key.keyId, reason: command.reason, revokedAt: now, ...compromise } }];
}
