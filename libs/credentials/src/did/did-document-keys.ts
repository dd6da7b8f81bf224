import { decodePublicKeyMultibase } from '../keys/ed25519';
import type { ControllerDocument } from './controller-document';

/** A registered Ed25519 key to look for in its controller's DID document. */
export interface ListedKeyQuery {
  did: string;
  /** `<did>#<keyId>`: the method URL proofs name. */
  verificationMethodId: string;
  publicKeyMultibase: string;
}

export type KeyListing =
  /** `matchedBy: 'id'`: a method with that URL and that key; `'key'`: the key under another method URL. */
  | { listed: true; verificationMethod: string; matchedBy: 'id' | 'key' }
  | { listed: false; reason: 'not-listed' | 'different-key' | 'invalid-key'; message: string };

const RELATIONSHIPS = ['assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation'] as const;

/**
 * Does the DID document list this key? A method whose URL (absolute, or relative `#fragment`) is the key's
 * and which holds the same Ed25519 key counts, and so does the same key under another method URL. A method
 * with the key's URL holding another key does not. Keys are compared as raw bytes, read from a Multikey or
 * Ed25519VerificationKey2020 `publicKeyMultibase` or from an OKP/Ed25519 `publicKeyJwk` (JsonWebKey).
 */
export function findKeyInDidDocument(document: ControllerDocument, key: ListedKeyQuery): KeyListing {
  let wanted: Buffer;
  try {
    wanted = Buffer.from(decodePublicKeyMultibase(key.publicKeyMultibase));
  } catch (e) {
    return {
      listed: false,
      reason: 'invalid-key',
      message: `${key.publicKeyMultibase} is not an Ed25519 Multikey: ${(e as Error).message}`,
    };
  }
  const methods = methodsOf(document).map((m) => ({ id: absolute(m['id'], key.did), raw: ed25519Of(m) }));
  const byId = methods.find((m) => m.id === key.verificationMethodId);
  if (byId) {
    if (byId.raw && wanted.equals(byId.raw)) return { listed: true, verificationMethod: key.verificationMethodId, matchedBy: 'id' };
    return {
      listed: false,
      reason: 'different-key',
      message: `${key.verificationMethodId} in the DID document holds ${byId.raw ? 'another key' : 'no Ed25519 key'}, not ${key.publicKeyMultibase}`,
    };
  }
  const byKey = methods.find((m) => m.raw && wanted.equals(m.raw));
  if (byKey?.id) return { listed: true, verificationMethod: byKey.id, matchedBy: 'key' };
  return {
    listed: false,
    reason: 'not-listed',
    message: `the DID document of ${key.did} lists neither ${key.verificationMethodId} nor the key ${key.publicKeyMultibase}`,
  };
}

function methodsOf(document: ControllerDocument): Record<string, unknown>[] {
  const embedded = RELATIONSHIPS.flatMap((r) => (Array.isArray(document[r]) ? (document[r] as unknown[]) : []));
  const listed = Array.isArray(document.verificationMethod) ? (document.verificationMethod as unknown[]) : [];
  return [...listed, ...embedded].filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null && !Array.isArray(m));
}

function absolute(id: unknown, did: string): string | undefined {
  if (typeof id !== 'string') return undefined;
  return id.startsWith('#') ? `${did}${id}` : id;
}

function ed25519Of(method: Record<string, unknown>): Buffer | undefined {
  const type = method['type'];
  if ((type === 'Multikey' || type === 'Ed25519VerificationKey2020') && typeof method['publicKeyMultibase'] === 'string') {
    try {
      return Buffer.from(decodePublicKeyMultibase(method['publicKeyMultibase']));
    } catch {
      return undefined;
    }
  }
  const jwk = method['publicKeyJwk'] as Record<string, unknown> | undefined;
  if (
    (type === 'JsonWebKey' || type === 'JsonWebKey2020') &&
    jwk &&
    jwk['kty'] === 'OKP' &&
    jwk['crv'] === 'Ed25519' &&
    typeof jwk['x'] === 'string'
  ) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(jwk['x'])) return undefined;
    const raw = Buffer.from(jwk['x'], 'base64url');
    return raw.length === 32 ? raw : undefined;
  }
  return undefined;
}
