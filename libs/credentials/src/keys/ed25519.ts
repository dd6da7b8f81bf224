import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import {
  decodeMultibaseBase58btc,
  ED25519_PRIVATE_HEADER,
  ED25519_PUBLIC_HEADER,
  encodeMultibaseBase58btc,
  MultibaseError,
  withMulticodec,
  withoutMulticodec,
} from '../encoding/multibase';

// Fixed ASN.1 prefixes (RFC 8410) that turn raw 32-byte Ed25519 keys into DER that node:crypto imports.
const PKCS8_SEED_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** An Ed25519 key pair as raw bytes and as Multikey multibase strings. */
export interface Ed25519KeyPair {
  /** 32-byte public key. */
  publicKey: Uint8Array;
  /** 32-byte private seed. */
  secretKey: Uint8Array;
  /** `z` + base58btc(0xed01 ‖ publicKey). */
  publicKeyMultibase: string;
  /** `z` + base58btc(0x8026 ‖ seed). */
  secretKeyMultibase: string;
}

/** Private key material a signer may hold: a raw 32-byte seed, a `z…` Multikey secret, or a KeyObject. */
export type Ed25519PrivateKeyInput = Uint8Array | string | KeyObject;

/** Creates a fresh Ed25519 key pair. */
export function generateEd25519KeyPair(): Ed25519KeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return keyPairFromSeed(new Uint8Array(Buffer.from(jwk.d as string, 'base64url')));
}

/** Derives the key pair of a 32-byte Ed25519 seed. */
export function keyPairFromSeed(seed: Uint8Array): Ed25519KeyPair {
  const key = privateKeyFromSeed(seed);
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  const publicKey = new Uint8Array(Buffer.from(jwk.x as string, 'base64url'));
  return {
    publicKey,
    secretKey: Uint8Array.from(seed),
    publicKeyMultibase: encodePublicKeyMultibase(publicKey),
    secretKeyMultibase: encodeSecretKeyMultibase(seed),
  };
}

/** `z` + base58btc(0xed01 ‖ publicKey). */
export function encodePublicKeyMultibase(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new MultibaseError('an Ed25519 public key is 32 bytes');
  return encodeMultibaseBase58btc(withMulticodec(ED25519_PUBLIC_HEADER, publicKey));
}

/** `z` + base58btc(0x8026 ‖ seed). */
export function encodeSecretKeyMultibase(seed: Uint8Array): string {
  if (seed.length !== 32) throw new MultibaseError('an Ed25519 seed is 32 bytes');
  return encodeMultibaseBase58btc(withMulticodec(ED25519_PRIVATE_HEADER, seed));
}

/** Decodes a Multikey `publicKeyMultibase`; rejects any header other than 0xed01 and any length other than 32. */
export function decodePublicKeyMultibase(value: string): Uint8Array {
  const key = withoutMulticodec(ED25519_PUBLIC_HEADER, decodeMultibaseBase58btc(value), 'publicKeyMultibase');
  if (key.length !== 32) throw new MultibaseError(`publicKeyMultibase holds ${key.length} bytes, an Ed25519 key is 32`);
  return key;
}

/**
 * Decodes a Multikey secret (0x8026 header). Accepts the 32-byte seed and the 64-byte seed ‖ public key
 * form some tools emit, checking that the public half belongs to the seed.
 */
export function decodeSecretKeyMultibase(value: string): Uint8Array {
  const bytes = withoutMulticodec(ED25519_PRIVATE_HEADER, decodeMultibaseBase58btc(value), 'secret key multibase');
  if (bytes.length === 32) return bytes;
  if (bytes.length === 64) {
    const seed = bytes.slice(0, 32);
    if (!Buffer.from(keyPairFromSeed(seed).publicKey).equals(Buffer.from(bytes.slice(32)))) {
      throw new MultibaseError('the public half of the 64-byte secret key does not match its seed');
    }
    return seed;
  }
  throw new MultibaseError(`secret key multibase holds ${bytes.length} bytes, expected 32 or 64`);
}

/** Imports a 32-byte seed as a node:crypto private key. */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new MultibaseError('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_SEED_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** Imports a 32-byte public key as a node:crypto public key. */
export function publicKeyFromBytes(publicKey: Uint8Array): KeyObject {
  if (publicKey.length !== 32) throw new MultibaseError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

/** Normalises any accepted private key form to a KeyObject. */
export function toPrivateKeyObject(input: Ed25519PrivateKeyInput): KeyObject {
  if (input instanceof KeyObject) {
    if (input.type !== 'private' || input.asymmetricKeyType !== 'ed25519') throw new Error('expected an Ed25519 private KeyObject');
    return input;
  }
  return privateKeyFromSeed(typeof input === 'string' ? decodeSecretKeyMultibase(input) : input);
}

/** Pure Ed25519 signature (RFC 8032) over `data`. */
export function ed25519Sign(data: Uint8Array, key: KeyObject): Uint8Array {
  return new Uint8Array(sign(null, data, key));
}

/** Checks a pure Ed25519 signature; a malformed signature is simply not valid. */
export function ed25519Verify(data: Uint8Array, signature: Uint8Array, key: KeyObject): boolean {
  if (signature.length !== 64) return false;
  return verify(null, data, key, signature);
}
