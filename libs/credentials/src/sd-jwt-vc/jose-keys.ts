// JWK helpers for the two JOSE algorithms the learning credential uses: ES256 (the EUDI reference issuers' choice)
// and EdDSA with Ed25519 (the alliance's existing Data Integrity keys).
import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';

/** JOSE algorithms supported for issuer signatures and key binding. */
export type JwsAlgorithm = 'ES256' | 'EdDSA';

/** A JSON Web Key (RFC 7517) with the optional identification members. */
export type Jwk = JsonWebKey & { kty: string; kid?: string; alg?: string; use?: string };

// RFC 7518 §6.2.2, §6.3.2 and §6.4: members that only private (or symmetric) keys carry.
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** Throws a TypeError naming `field` unless `jwk` is a JWK object without private key material. */
export function assertPublicJwk(jwk: unknown, field: string): asserts jwk is Jwk {
  if (typeof jwk !== 'object' || jwk === null || typeof (jwk as Jwk).kty !== 'string') {
    throw new TypeError(`${field} must be a JWK object with a kty member`);
  }
  const found = PRIVATE_MEMBERS.filter((member) => member in jwk);
  if (found.length > 0) throw new TypeError(`${field} must be a public JWK; it carries private member(s) ${found.join(', ')}`);
}

/** Whether node:crypto can import the JWK as a public key: catches a wrong curve or a truncated coordinate. */
export function isImportablePublicJwk(jwk: Jwk): boolean {
  try {
    createPublicKey({ key: jwk, format: 'jwk' });
    return true;
  } catch {
    return false;
  }
}

/** The JOSE algorithm a key is used with, or a TypeError for a key type neither ES256 nor EdDSA accepts. */
export function jwsAlgorithmOf(jwk: Jwk): JwsAlgorithm {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  throw new TypeError(`unsupported JWK (kty ${jwk.kty}, crv ${String(jwk.crv)}): ES256 needs EC P-256, EdDSA needs OKP Ed25519`);
}

/** The public JWK of a private JWK, keeping its `kid`. */
export function publicJwkOf(privateJwk: Jwk): Jwk {
  const publicJwk = createPublicKey(createPrivateKey({ key: privateJwk, format: 'jwk' })).export({ format: 'jwk' }) as Jwk;
  return privateJwk.kid === undefined ? publicJwk : { ...publicJwk, kid: privateJwk.kid };
}

/** Imports a JWK into node:crypto after checking it suits one of the supported algorithms. */
export function keyObjectOf(jwk: Jwk, kind: 'public' | 'private'): KeyObject {
  jwsAlgorithmOf(jwk);
  return kind === 'public' ? createPublicKey({ key: jwk, format: 'jwk' }) : createPrivateKey({ key: jwk, format: 'jwk' });
}

/**
 * Checks a base64url JWS signature over `signingInput` (`header.payload`) with a public JWK. The algorithm
 * comes from the key, never from the token header, so a token cannot choose a weaker check.
 */
export function verifyJwsSignature(publicJwk: Jwk, signingInput: string, signature: string): boolean {
  const alg = jwsAlgorithmOf(publicJwk);
  const key = keyObjectOf(publicJwk, 'public');
  const data = Buffer.from(signingInput, 'utf8');
  const sig = Buffer.from(signature, 'base64url');
  // JWS ES256 signatures are the raw r ‖ s pair (RFC 7518 §3.4), not DER.
  return alg === 'ES256' ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig) : verify(null, data, key, sig);
}
