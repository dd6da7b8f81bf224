import canonicalize from 'canonicalize';
import {
  decodePublicKeyMultibase,
  ed25519Sign,
  ed25519Verify,
  type Ed25519PrivateKeyInput,
  publicKeyFromBytes,
  toPrivateKeyObject,
} from './ed25519';

/**
 * The challenge the catalogue issues before it registers a key: whoever registers the key must sign it with
 * that key's private half, so a public key nobody holds (or somebody else's) cannot be registered.
 */
export interface KeyPossessionChallenge {
  type: 'alliance-key-possession';
  institutionId: string;
  keyId: string;
  /** Random, single use. */
  nonce: string;
  /** ISO 8601 instant after which the challenge is no longer accepted. */
  expiresAt: string;
}

/** Who signs the challenge and how: a base64url Ed25519 signature over {@link keyPossessionSigningInput}. */
export interface KeyPossessionProof {
  nonce: string;
  signature: string;
}

/** The bytes a possession proof signs: the UTF-8 JSON Canonicalization (RFC 8785) of the challenge. */
export function keyPossessionSigningInput(challenge: KeyPossessionChallenge): Uint8Array {
  const { type, institutionId, keyId, nonce, expiresAt } = challenge;
  return new TextEncoder().encode(canonicalize({ type, institutionId, keyId, nonce, expiresAt }) as string);
}

/** Signs a challenge with a private key held in memory (platform-held keys, tests, the file key store). */
export function signKeyPossession(challenge: KeyPossessionChallenge, privateKey: Ed25519PrivateKeyInput): KeyPossessionProof {
  const signature = ed25519Sign(keyPossessionSigningInput(challenge), toPrivateKeyObject(privateKey));
  return { nonce: challenge.nonce, signature: Buffer.from(signature).toString('base64url') };
}

/** Does `signature` (base64url) prove possession of the key `publicKeyMultibase` for this challenge? Never throws. */
export function verifyKeyPossession(challenge: KeyPossessionChallenge, signature: string, publicKeyMultibase: string): boolean {
  try {
    if (typeof signature !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
    const key = publicKeyFromBytes(decodePublicKeyMultibase(publicKeyMultibase));
    return ed25519Verify(keyPossessionSigningInput(challenge), new Uint8Array(Buffer.from(signature, 'base64url')), key);
  } catch {
    return false;
  }
}

/** A key as the catalogue announces it to other contexts, with the member's proof that it holds the private half. */
export interface AnnouncedKey {
  keyId: string;
  publicKeyMultibase: string;
  possession?: { challenge: KeyPossessionChallenge; signature: string };
}

/**
 * Why an announced key must not be bound to the member `institutionId`, or undefined when it may: the proof of
 * possession must answer a challenge for this member and this key, and verify with the key itself. Keys
 * registered before proofs existed carry none and are accepted. The challenge's expiry was the catalogue's to
 * enforce when it registered the key; a context reading the announcement later finds it expired by design.
 */
export function announcedKeyProblem(institutionId: string, key: AnnouncedKey): string | undefined {
  const proof = key.possession;
  if (!proof) return undefined;
  if (proof.challenge.institutionId !== institutionId)
    return `its proof of possession answers a challenge for institution ${proof.challenge.institutionId}`;
  if (proof.challenge.keyId !== key.keyId) return `its proof of possession answers a challenge for key ${proof.challenge.keyId}`;
  if (!verifyKeyPossession(proof.challenge, proof.signature, key.publicKeyMultibase))
    return 'its proof of possession does not verify with the key';
  return undefined;
}
