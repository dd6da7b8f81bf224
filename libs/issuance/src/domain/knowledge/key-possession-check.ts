import { type KeyPossessionChallenge, verifyKeyPossession } from '@alliance/credentials';

interface KeyWithPossession {
  keyId: string;
  publicKeyMultibase: string;
  possession?: { challenge: KeyPossessionChallenge; signature: string };
}

/**
 * Why a registered key's proof of possession does not bind it to `institutionId`, or undefined when it does.
 * Keys registered before proofs existed carry none and are accepted as they were.
 */
export function possessionProblem(institutionId: string, key: KeyWithPossession): string | undefined {
  const possession = key.possession;
  if (!possession) return undefined;
  if (possession.challenge.institutionId !== institutionId)
    return `the challenge was issued to institution ${possession.challenge.institutionId}`;
  if (possession.challenge.keyId !== key.keyId) return `the challenge names key ${possession.challenge.keyId}, not ${key.keyId}`;
  if (!verifyKeyPossession(possession.challenge, possession.signature, key.publicKeyMultibase))
    return 'the signature over the challenge does not verify with this key';
  return undefined;
}
