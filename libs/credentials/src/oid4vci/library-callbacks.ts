import { createHash, randomBytes } from 'node:crypto';
import { clientAuthenticationAnonymous, type CallbackContext, type Jwk } from '@openid4vc/oauth2';
import { holderJwkOf } from './holder-key';
import { signCompactJws, verifyCompactJws } from './jws';
import type { JwtSigner } from './jwt-signer';

/** The callbacks the issuer-side classes of the library need, minus JWE (this issuer encrypts nothing). */
export type IssuerCallbacks = Omit<CallbackContext, 'decryptJwe'>;

const NODE_HASH: Record<string, string> = { 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

/**
 * Wires the library to node:crypto and to the issuer's {@link JwtSigner}. The issuer's own JWKS comes from
 * memory (`getJwks`), and `fetch` refuses every call: the server side must never reach out to the network
 * while it checks a request.
 */
export function issuerCallbacks(signer: JwtSigner, jwksUri: string): IssuerCallbacks {
  return {
    hash: (data, alg) =>
      createHash(NODE_HASH[alg] ?? alg)
        .update(data)
        .digest(),
    generateRandom: (byteLength) => randomBytes(byteLength),
    clientAuthentication: clientAuthenticationAnonymous(),
    getJwks: (uri) => (uri === jwksUri ? { keys: [signer.publicJwk] } : undefined),
    fetch: () => Promise.reject(new Error('The credential issuer makes no outgoing requests')),
    signJwt: async (jwtSigner, { header, payload }) => {
      if (jwtSigner.alg !== signer.alg) throw new Error(`The issuer signs with ${signer.alg}, not ${jwtSigner.alg}`);
      const withKid = signer.kid && !header.kid && !header.jwk ? { ...header, kid: signer.kid } : header;
      return { jwt: await signCompactJws(signer, withKid, payload), signerJwk: signer.publicJwk };
    },
    verifyJwt: (jwtSigner, { header, compact }) => {
      const jwk: Jwk | undefined = holderJwkOf(jwtSigner);
      if (!jwk) return { verified: false };
      return verifyCompactJws(compact, header.alg, jwk) ? { verified: true, signerJwk: jwk } : { verified: false, signerJwk: jwk };
    },
    encryptJwe: () => Promise.reject(new Error('Credential response encryption is not supported')),
  };
}
