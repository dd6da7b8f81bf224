import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * A checkpoint commits to every event hash of one event store between two global positions with a Merkle
 * root, chains to the previous checkpoint, and is signed with the alliance audit key, so a third party holding
 * only the public key can check it offline.
 */
export interface CheckpointBody {
  /** The event store it covers (the service name). */
  store: string;
  sequence: number;
  /** Exclusive lower bound. */
  fromPosition: number;
  /** Inclusive upper bound. */
  toPosition: number;
  treeSize: number;
  merkleRoot: string;
  /** Digest of the previous checkpoint of the same store, null for the first. */
  previousDigest: string | null;
  createdAt: string;
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** Ed25519 over the RFC 8785 canonical form of the body, base64url. */
  signature: string;
}

function canonical(body: CheckpointBody): Buffer {
  const { store, sequence, fromPosition, toPosition, treeSize, merkleRoot, previousDigest, createdAt, keyId } = body;
  return Buffer.from(
    canonicalize({ store, sequence, fromPosition, toPosition, treeSize, merkleRoot, previousDigest, createdAt, keyId })!,
    'utf8',
  );
}

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  return { ...body, signature: sign(null, canonical(body), privateKey).toString('base64url') };
}

export function verifyCheckpointSignature(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, canonical(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64url'));
  } catch {
    return false;
  }
}

/** What the next checkpoint names as its predecessor. */
export function checkpointDigest(checkpoint: SignedCheckpoint): string {
  return createHash('sha256').update(canonical(checkpoint)).update(checkpoint.signature).digest('hex');
}

/** The audit key as a raw 32-byte Ed25519 seed (hex) in configuration; the public half is published in bundles. */
export function auditKeyFromSeed(seedHex: string): { privateKey: KeyObject; publicKey: KeyObject; keyId: string } {
  const seed = Buffer.from(seedHex, 'hex');
  if (seed.length !== 32) throw new Error('the audit signing key must be a 32-byte Ed25519 seed in hex (64 characters)');
  // PKCS#8 prefix of an Ed25519 private key, followed by the seed.
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

export function publicKeyId(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'jwk' }).x!;
  return `audit-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;
}
