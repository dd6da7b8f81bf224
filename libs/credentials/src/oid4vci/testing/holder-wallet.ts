// Test-only: a wallet built from the holder side of the library, with its own callbacks and an ES256 key.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { clientAuthenticationAnonymous, type Jwk } from '@openid4vc/oauth2';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { signCompactJws } from '../jws';
import { privateJwkSigner, type JwtSigner } from '../jwt-signer';

/** A fresh holder key pair, as a {@link JwtSigner}. */
export function newHolderKey(alg: 'ES256' | 'EdDSA' = 'ES256'): JwtSigner {
  const { privateKey } = alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return privateJwkSigner(privateKey.export({ format: 'jwk' }) as Jwk, alg);
}

/** The holder's Openid4vciClient; every JWT the client signs is signed with `holder`. */
export function walletClient(holder: JwtSigner): Openid4vciClient {
  return new Openid4vciClient({
    callbacks: {
      hash: (data, alg) => createHash(alg.replace('-', '')).update(data).digest(),
      generateRandom: (length) => randomBytes(length),
      clientAuthentication: clientAuthenticationAnonymous(),
      fetch: (input, init) => fetch(input, init),
      decryptJwe: () => Promise.reject(new Error('This wallet asks for no encrypted responses')),
      signJwt: async (_signer, { header, payload }) => ({
        jwt: await signCompactJws(holder, header, payload),
        signerJwk: holder.publicJwk,
      }),
    },
  });
}

/** `did:jwk` of the holder's public key. */
export function didJwkOf(holder: JwtSigner): string {
  const { kty, crv, x, y } = holder.publicJwk;
  return `did:jwk:${Buffer.from(JSON.stringify({ kty, crv, x, ...(y ? { y } : {}) })).toString('base64url')}`;
}

/** A hand-made key proof, for the cases the client would refuse to build (wrong audience, stale iat…). */
export function handMadeProof(
  holder: JwtSigner,
  claims: { aud: string; nonce?: string; iat?: number },
  header: Record<string, unknown> = { jwk: holder.publicJwk },
): Promise<string> {
  return signCompactJws(
    holder,
    { typ: 'openid4vci-proof+jwt', alg: holder.alg, ...header },
    { iat: Math.floor(Date.now() / 1000), ...claims },
  );
}

/**
 * The whole pre-authorized code flow as a wallet runs it, with the library's Openid4vciClient: offer, metadata,
 * token (with the transaction code), nonce, key proof, credential of `configurationId` (the offer's first by default).
 */
export async function walletRun(link: string, txCode: string | undefined, holder = newHolderKey(), configurationId?: string) {
  const client = walletClient(holder);
  const credentialOffer = await client.resolveCredentialOffer(link);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    ...(txCode ? { txCode } : {}),
  });
  const credentialConfigurationId = configurationId ?? credentialOffer.credential_configuration_ids[0];
  const { c_nonce } = await client.requestNonce({ issuerMetadata });
  const { jwt } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId,
    nonce: c_nonce,
    signer: { method: 'jwk', alg: holder.alg, publicJwk: holder.publicJwk },
  });
  const response = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId,
    proofs: { jwt: [jwt] },
  });
  return { client, holder, credentialOffer, issuerMetadata, accessTokenResponse, jwt, response };
}
