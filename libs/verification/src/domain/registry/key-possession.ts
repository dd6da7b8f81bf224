import { type KeyPossessionChallenge, verifyKeyPossession } from '@alliance/credentials';

/** A key as the catalogue announces it, with the member's proof that it holds the private half. */
export interface AnnouncedKey {
  keyId: string;
  publicKeyMultibase: string;
  possession?: { challenge: KeyPossessionChallenge; signature: string };
}

/**
 * Why the registry must not bind this key to the member, or undefined when it may: the proof of possession
 * must answer a challenge for this member and this key, and verify with the key itself. Keys registered
 * before proofs existed carry none and are accepted. The challenge's expiry was the catalogue's to enforce
 * when it registered the key; a verifier reading it later finds it expired by design.
 */
export function possessionProblem(institutionId: string, key: AnnouncedKey): string | undefined {
  const proof = key.possession;
  if (!proof) return undefined;
  if (proof.challenge.institutionId !== institutionId)
    return `its proof of possession answers a challenge for institution ${proof.challenge.institutionId}`;
  if (proof.challenge.keyId !== key.keyId) return `its proof of possession answers a challenge for key ${proof.challenge.keyId}`;
  if (!verifyKeyPossession(proof.challenge, proof.signature, key.publicKeyMultibase))
    return 'its proof of possession does not verify with the key';
  return undefined;
}
