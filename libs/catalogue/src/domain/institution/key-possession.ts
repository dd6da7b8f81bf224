import { type KeyPossessionChallenge, verifyKeyPossession } from '@alliance/credentials';
import type { KeyPossession, SigningKeyRecord } from './institution.events';
import type { IssuedChallenge } from './key-challenges';

export type PossessionProblem =
  'unknown-nonce' | 'nonce-used' | 'other-institution' | 'wrong-key' | 'challenge-altered' | 'signature-invalid';

/**
 * Why a stored possession does not bind `key` to the institution, or undefined when it does. The decider and
 * the fold both ask this, so an event the decider accepted always binds, and a tampered one never does.
 * Expiry is the decider's alone: folding happens long after the challenge died.
 */
export function possessionProblem(
  institutionId: string,
  challenges: readonly IssuedChallenge[],
  key: Pick<SigningKeyRecord, 'keyId' | 'publicKeyMultibase'>,
  possession: KeyPossession,
): PossessionProblem | undefined {
  const { challenge, signature } = possession;
  const issued = challenges.find((c) => c.nonce === challenge?.nonce);
  if (!issued) return 'unknown-nonce';
  if (issued.used) return 'nonce-used';
  if (challenge.institutionId !== institutionId) return 'other-institution';
  if (issued.keyId !== key.keyId || challenge.keyId !== key.keyId) return 'wrong-key';
  if (challenge.type !== 'alliance-key-possession' || challenge.expiresAt !== issued.expiresAt) return 'challenge-altered';
  if (!verifyKeyPossession(challenge as KeyPossessionChallenge, signature, key.publicKeyMultibase)) return 'signature-invalid';
  return undefined;
}
