import { sign } from 'node:crypto';
import { jwsAlgorithmOf, type JwsAlgorithm, type Jwk, keyObjectOf } from './jose-keys';

/**
 * Signs JWS signing inputs for an issuer. The private key stays behind `sign`, so it may live in a vault,
 * an HSM or a remote signing service.
 */
export interface JwsSigner {
  /** JOSE `alg` written into the header. */
  readonly alg: JwsAlgorithm;
  /** JOSE `kid` written into the header when present, so verifiers can pick the key from the issuer's JWKS. */
  readonly kid?: string;
  /** The base64url signature of `signingInput` (`base64url(header).base64url(payload)`). */
  sign(signingInput: string): Promise<string>;
}

/**
 * A {@link JwsSigner} holding a private JWK in process: ES256 for an EC P-256 key, EdDSA for an Ed25519 key.
 * `kid` defaults to the JWK's own `kid`.
 */
export function localSigner(privateJwk: Jwk, kid: string | undefined = privateJwk.kid): JwsSigner {
  if (typeof privateJwk?.d !== 'string') throw new TypeError('privateJwk must be a private JWK (with d)');
  const alg = jwsAlgorithmOf(privateJwk);
  const key = keyObjectOf(privateJwk, 'private');
  const signInput = (data: Buffer): Buffer =>
    // JWS ES256 wants the raw r ‖ s pair (RFC 7518 §3.4); node:crypto would otherwise emit DER.
    alg === 'ES256' ? sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' }) : sign(null, data, key);
  return {
    alg,
    ...(kid === undefined ? {} : { kid }),
    sign: async (signingInput) => signInput(Buffer.from(signingInput, 'utf8')).toString('base64url'),
  };
}
