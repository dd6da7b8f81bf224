// Test-only: a wallet that has redeemed an offer, and raw JSON requests to the test issuer.
import { LEARNING_CREDENTIAL_SD_JWT } from '../credential-configurations';
import { newHolderKey, walletClient } from './holder-wallet';
import type { TestIssuer } from './test-issuer-server';

/** An offer redeemed by a wallet (with its tx_code): the access token, a fresh c_nonce and the holder key. */
export async function redeemedOffer(issuer: TestIssuer, configurationIds = [LEARNING_CREDENTIAL_SD_JWT]) {
  const holder = newHolderKey();
  const client = walletClient(holder);
  const { links, txCode } = await issuer.offer(configurationIds, { withTxCode: true });
  const credentialOffer = await client.resolveCredentialOffer(links.byValue);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    txCode: txCode!,
  });
  const { c_nonce } = await client.requestNonce({ issuerMetadata });
  return { holder, accessToken: accessTokenResponse.access_token, cNonce: c_nonce };
}

/** POSTs `body` as JSON, with a Bearer token when given; the answer's status, challenge and JSON body. */
export async function postJson(issuer: TestIssuer, path: string, body: unknown, accessToken?: string) {
  const response = await fetch(`${issuer.issuerUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null,
  };
}

/** A 1.0 credential request for `configurationId` with one jwt proof. */
export const credentialRequest = (jwt: string, configurationId = LEARNING_CREDENTIAL_SD_JWT) => ({
  credential_configuration_id: configurationId,
  proofs: { jwt: [jwt] },
});
