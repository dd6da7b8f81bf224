import { createPublicKey, verify as nodeVerify, type JsonWebKey } from 'node:crypto';
import type { Jwk, JwtHeader, JwtPayload } from '@openid4vc/oauth2';
import type { JwtSigner } from './jwt-signer';

/** Asymmetric JWS algorithms this module verifies; `none` and MAC algorithms never pass (OID4VCI F.1, F.4). */
export const VERIFIABLE_JWS_ALGS = ['ES256', 'ES384', 'ES512', 'EdDSA'] as const;

const HASH: Record<string, string | null> = { ES256: 'sha256', ES384: 'sha384', ES512: 'sha512', EdDSA: null };
const CURVE: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521', EdDSA: 'Ed25519' };

const b64url = (value: Uint8Array | string): string => Buffer.from(value).toString('base64url');

/** Assembles a compact JWS, letting `signer` sign the `header.payload` input. */
export async function signCompactJws(signer: JwtSigner, header: JwtHeader, payload: JwtPayload): Promise<string> {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = await signer.sign(new TextEncoder().encode(signingInput));
  return `${signingInput}.${b64url(signature)}`;
}

/**
 * Checks a compact JWS signature with a public JWK. The key's curve must match `alg`, so a token cannot pick
 * an algorithm the key was not made for; a JWK carrying private members is refused (F.4).
 */
export function verifyCompactJws(compact: string, alg: string, jwk: Jwk): boolean {
  if (!(alg in HASH) || 'd' in jwk || jwk.crv !== CURVE[alg]) return false;
  const [header, payload, signature] = compact.split('.');
  if (!header || !payload || !signature) return false;
  try {
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    const data = Buffer.from(`${header}.${payload}`);
    const sig = Buffer.from(signature, 'base64url');
    return alg === 'EdDSA' ? nodeVerify(null, data, key, sig) : nodeVerify(HASH[alg], data, { key, dsaEncoding: 'ieee-p1363' }, sig);
  } catch {
    return false;
  }
}
