import { createPrivateKey, createPublicKey, sign as nodeSign, type KeyObject } from 'node:crypto';
import type { Jwk } from '@openid4vc/oauth2';

/**
 * Whatever signs the issuer's JWTs (access tokens): an HSM, a KMS or a key in memory. The module never sees
 * the private key; it hands over the JWS signing input and gets back the raw JWS signature.
 */
export interface JwtSigner {
  /** JWS `alg`, e.g. `ES256` or `EdDSA`. */
  alg: string;
  /** Written to the JWT header so verifiers can pick the key from the issuer's JWKS. */
  kid?: string;
  /** The public half, published in the issuer's JWKS. */
  publicJwk: Jwk;
  /** Returns the JWS signature (R‖S for ECDSA, not DER) over `signingInput`. */
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
}

const EC_CURVES: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
const EC_HASHES: Record<string, string> = { ES256: 'sha256', ES384: 'sha384', ES512: 'sha512' };

/**
 * A {@link JwtSigner} over a private JWK held in memory (development, tests, a file key store).
 * Supports ES256/ES384/ES512 (EC) and EdDSA (Ed25519).
 */
export function privateJwkSigner(privateJwk: Jwk, alg: string, kid = privateJwk.kid): JwtSigner {
  const key = createPrivateKey({ key: privateJwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  checkKeyFitsAlg(key, alg);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = createPublicKey(key).export({ format: 'jwk' }) as Jwk;
  return {
    alg,
    ...(kid ? { kid } : {}),
    publicJwk: { ...publicJwk, ...(kid ? { kid } : {}), alg, use: 'sig' },
    sign: async (signingInput) => signWith(key, alg, signingInput),
  };
}

function checkKeyFitsAlg(key: KeyObject, alg: string): void {
  const details = key.asymmetricKeyDetails;
  if (alg === 'EdDSA' && key.asymmetricKeyType === 'ed25519') return;
  if (EC_CURVES[alg] && key.asymmetricKeyType === 'ec' && curveName(details?.namedCurve) === EC_CURVES[alg]) return;
  throw new Error(`A ${key.asymmetricKeyType} key cannot sign with ${alg}`);
}

function curveName(nodeCurve: string | undefined): string | undefined {
  return { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' }[nodeCurve ?? ''];
}

function signWith(key: KeyObject, alg: string, data: Uint8Array): Uint8Array {
  if (alg === 'EdDSA') return nodeSign(null, data, key);
  // JWS wants the fixed-size R‖S form (RFC 7518 §3.4), which node calls ieee-p1363.
  return nodeSign(EC_HASHES[alg], data, { key, dsaEncoding: 'ieee-p1363' });
}
