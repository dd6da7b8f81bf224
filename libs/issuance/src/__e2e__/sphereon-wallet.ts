// Test-only: a wallet played by Sphereon's OpenID4VCI client (@sphereon/oid4vci-client), a library apart from the
// one the issuer is built on, with its keys made by jose and its HTTP traffic recorded.
import type { JsonObject } from '@alliance/credentials';
import {
  AccessTokenClient,
  CredentialRequestClientBuilderV1_0_15,
  OpenID4VCIClientV1_0_15,
  ProofOfPossessionBuilder,
} from '@sphereon/oid4vci-client';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** One HTTP exchange of Sphereon's client, as it went over the wire. */
export type Exchange = {
  method: string;
  url: URL;
  request: { headers: Headers; body?: string };
  status: number;
  headers: Headers;
  body: string;
};

// Sphereon's client fetches with cross-fetch; wrapping it records what the wallet really sent and received.
const mockWire: Exchange[] = [];
jest.mock('cross-fetch', () => {
  const real = jest.requireActual<(url: string, init?: RequestInit) => Promise<Response>>('cross-fetch');
  const recording = async (url: string, init: RequestInit = {}) => {
    const response = await real(url, init);
    mockWire.push({
      method: init.method ?? 'GET',
      url: new URL(url),
      request: { headers: new Headers(init.headers), ...(typeof init.body === 'string' ? { body: init.body } : {}) },
      status: response.status,
      headers: new Headers([...response.headers.entries()]),
      body: await response.clone().text(),
    });
    return response;
  };
  return Object.assign(recording, real, { default: recording, fetch: recording });
});

/** The last exchange of the wallet with `path` on the issuer. */
export function onTheWire(method: string, path: string): Exchange {
  const found = mockWire.findLast((e) => e.method === method && e.url.pathname === path);
  if (!found) throw new Error(`the wallet sent no ${method} ${path}`);
  return found;
}

type Alg = 'ES256' | 'EdDSA';
type TokenResponse = Awaited<ReturnType<OpenID4VCIClientV1_0_15['acquireAccessToken']>>;
type HolderKey = Awaited<ReturnType<typeof holderKey>>;

/** The wallet's own key, made with jose; EdDSA keys are named by a did:jwk URL, ES256 keys by their JWK. */
export async function holderKey(alg: Alg) {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  const publicJwk = await exportJWK(publicKey);
  const kid = alg === 'EdDSA' ? `did:jwk:${Buffer.from(JSON.stringify(publicJwk)).toString('base64url')}#0` : undefined;
  const signCallback = ({ header, payload }: { header: Record<string, unknown>; payload: Record<string, unknown> }) =>
    new SignJWT(payload).setProtectedHeader({ ...header, alg }).sign(privateKey);
  return { alg, publicJwk, kid, signCallback };
}

/** The wallet as Sphereon's client builds it from the QR code or deep link: offer, issuer and AS metadata. */
export const sphereonWallet = (link: string) =>
  OpenID4VCIClientV1_0_15.fromURI({ uri: link, retrieveServerMetadata: true, resolveOfferUri: true });

/** The token request as Sphereon's AccessTokenClient sends it (a form), with the raw answer. */
export const tokenRequest = (client: OpenID4VCIClientV1_0_15, pin?: string) =>
  new AccessTokenClient().acquireAccessToken({
    credentialOffer: client.credentialOffer!,
    metadata: client.endpointMetadata,
    credentialIssuer: client.getIssuer(),
    ...(pin ? { pin } : {}),
  });

/**
 * The credential request for `configurationId` with one `jwt` key proof, built by Sphereon's request and proof
 * builders, and sent by its request client. Sphereon 0.20.1 puts the proof in the drafts' singular `proof`
 * member, which OpenID4VCI 1.0 §8.2 replaced by `proofs`: `send` moves that one member to `proofs.jwt` (the 1.0
 * request), `sendAsDrafted` sends it as drafted (which the issuer also reads, as one key proof).
 */
export async function credentialRequest(
  client: OpenID4VCIClientV1_0_15,
  token: TokenResponse,
  configurationId: string,
  holder: HolderKey,
  nonce: string,
  extra: JsonObject = {},
) {
  const requests = CredentialRequestClientBuilderV1_0_15.fromCredentialOffer({
    credentialOffer: client.credentialOffer!,
    metadata: client.endpointMetadata,
  })
    .withCredentialConfigurationId(configurationId)
    .withTokenFromResponse(token)
    .build();
  const proofInput = ProofOfPossessionBuilder.fromAccessTokenResponse({
    accessTokenResponse: { ...token, c_nonce: nonce },
    callbacks: { signCallback: holder.signCallback },
    version: client.version(),
  })
    .withIssuer(client.getIssuer())
    .withAlg(holder.alg);
  if (holder.kid) proofInput.withKid(holder.kid);
  else proofInput.withJWK(holder.publicJwk as Parameters<typeof proofInput.withJWK>[0]);
  const drafted = await requests.createCredentialRequest({
    proofInput,
    version: client.version(),
    credentialConfigurationId: configurationId,
  });
  const { proof, ...named } = drafted as typeof drafted & { proof: { jwt: string } };
  const asDrafted = { ...named, proof, ...extra };
  const as10 = { ...named, proofs: { jwt: [proof.jwt] }, ...extra };
  const format = client.getCredentialsSupported()[configurationId].format;
  const send = (body: object) => requests.acquireCredentialsUsingRequest(body as typeof drafted, format);
  return { send: () => send(as10), sendAsDrafted: () => send(asDrafted) };
}

/** The JSON body of an answer the wallet received. */
export const json = (exchange: Exchange) => JSON.parse(exchange.body) as JsonObject;
