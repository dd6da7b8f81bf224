import type { KeyPossessionProof } from '@alliance/credentials';
import { CatalogueException, violation } from '../catalogue.exception';
import type { KeyPossession, SigningKeyRecord } from './institution.events';
import type { Institution } from './institution.state';
import { challengeOf, isExpired } from './key-challenges';
import { possessionProblem } from './key-possession';

const FIELD = 'proofOfPossession';
const ASK_AGAIN = 'request a new challenge with POST /institutions/{id}/key-challenges';

/** The keyId a registration names: its own, or the one of the challenge its proof answers. */
export function keyIdFor(
  institution: Institution,
  requested: string | undefined,
  proof: KeyPossessionProof | undefined,
): string | undefined {
  return requested ?? institution.challenges.find((c) => c.nonce === proof?.nonce)?.keyId;
}

/**
 * Accepts the proof only for an issued, unused, unexpired challenge of this institution naming this key,
 * signed by the key itself; returns what the key record keeps so that every later fold can check it again.
 */
export function requirePossession(
  institution: Institution,
  key: SigningKeyRecord,
  proof: KeyPossessionProof | undefined,
  now: string,
): KeyPossession {
  const nonce = proof?.nonce;
  const signature = proof?.signature;
  if (typeof nonce !== 'string' || nonce.length === 0)
    throw invalid(
      'nonce',
      'key.possession-required',
      `a proof of possession is required; ${ASK_AGAIN}, sign it with the key and send its nonce and signature`,
    );
  if (typeof signature !== 'string' || signature.length === 0)
    throw invalid('signature', 'key.possession-required', 'the signature over the challenge is required');
  const issued = institution.challenges.find((c) => c.nonce === nonce);
  if (!issued) throw invalid('nonce', 'key.possession-unknown-nonce', `no open challenge of this institution has this nonce; ${ASK_AGAIN}`);
  if (issued.used)
    throw new CatalogueException(
      'catalogue.key.possession-nonce-used',
      `this challenge was already used to register a key; ${ASK_AGAIN}`,
      `${FIELD}.nonce`,
    );
  if (isExpired(issued, now))
    throw invalid('nonce', 'key.possession-challenge-expired', `the challenge expired at ${issued.expiresAt}; ${ASK_AGAIN}`);
  if (issued.keyId !== key.keyId)
    throw invalid('nonce', 'key.possession-wrong-key', `the challenge was issued for key ${issued.keyId}, not ${key.keyId}`);
  const possession: KeyPossession = { challenge: challengeOf(institution.institutionId, issued), signature };
  if (possessionProblem(institution.institutionId, institution.challenges, key, possession)) {
    throw invalid(
      'signature',
      'key.possession-signature-invalid',
      'the signature does not verify with this public key over the challenge (Ed25519 over its JCS form, base64url)',
    );
  }
  return possession;
}

function invalid(part: 'nonce' | 'signature', rule: string, message: string): CatalogueException {
  return CatalogueException.invalid([violation(`${FIELD}.${part}`, rule, message)]);
}
