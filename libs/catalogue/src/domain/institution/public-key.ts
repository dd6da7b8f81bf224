import { decodePublicKeyMultibase, encodePublicKeyMultibase } from '@alliance/credentials';
import { violation, type Violation } from '../catalogue.exception';

/** An Ed25519 public key in the two forms verifiers ask for: Multikey and JWK. Never a private key. */
export interface Ed25519PublicKey {
  publicKeyMultibase: string;
  publicKeyJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
}

export interface PublicKeyInput {
  publicKeyMultibase?: string;
  publicKeyJwk?: Record<string, unknown>;
}

export function ed25519FromRaw(raw: Uint8Array): Ed25519PublicKey {
  return {
    publicKeyMultibase: encodePublicKeyMultibase(raw),
    publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
  };
}

/**
 * Reads the key from either form and normalises it to both. Private material (a JWK `d`) is refused
 * outright: the catalogue is a public registry and must never hold a signing secret, even transiently.
 */
export function parseEd25519PublicKey(input: PublicKeyInput, field = 'key'): Ed25519PublicKey | Violation {
  const { publicKeyMultibase, publicKeyJwk } = input;
  if (publicKeyMultibase === undefined && publicKeyJwk === undefined) {
    return violation(`${field}.publicKeyMultibase`, 'key.public-key-required', 'give publicKeyMultibase or publicKeyJwk');
  }
  if (publicKeyJwk !== undefined && (publicKeyJwk === null || typeof publicKeyJwk !== 'object' || Array.isArray(publicKeyJwk))) {
    return violation(`${field}.publicKeyJwk`, 'key.not-ed25519', 'publicKeyJwk must be a JWK object (kty OKP, crv Ed25519, x)');
  }
  if (publicKeyJwk !== undefined) {
    if ('d' in publicKeyJwk)
      return violation(
        `${field}.publicKeyJwk.d`,
        'key.private-key-refused',
        'private key material is never accepted; send the public key only',
      );
    if (publicKeyJwk['kty'] !== 'OKP' || publicKeyJwk['crv'] !== 'Ed25519') {
      return violation(`${field}.publicKeyJwk`, 'key.not-ed25519', 'the JWK must be kty OKP, crv Ed25519');
    }
    const x = publicKeyJwk['x'];
    const raw = typeof x === 'string' && /^[A-Za-z0-9_-]+$/.test(x) ? Buffer.from(x, 'base64url') : undefined;
    if (!raw || raw.length !== 32)
      return violation(`${field}.publicKeyJwk.x`, 'key.not-ed25519', 'x must be a 32-byte base64url Ed25519 public key');
    const key = ed25519FromRaw(raw);
    if (publicKeyMultibase !== undefined && publicKeyMultibase !== key.publicKeyMultibase) {
      return violation(`${field}.publicKeyMultibase`, 'key.forms-disagree', 'publicKeyMultibase and publicKeyJwk describe different keys');
    }
    return key;
  }
  try {
    return ed25519FromRaw(decodePublicKeyMultibase(publicKeyMultibase as string));
  } catch {
    return violation(
      `${field}.publicKeyMultibase`,
      'key.not-ed25519',
      'publicKeyMultibase must be a base58btc (z...) multikey of an Ed25519 public key (prefix 0xed01, 32 bytes)',
    );
  }
}

export function isViolation(value: unknown): value is Violation {
  return typeof value === 'object' && value !== null && 'rule' in value && 'field' in value;
}
