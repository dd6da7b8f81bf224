import { LEARNING_CREDENTIAL_SD_JWT } from './credential-configurations';
import { newHolderKey, walletClient } from './testing/holder-wallet';
import { useTestIssuer } from './testing/use-test-issuer';

const env = useTestIssuer();

/** A wallet that has redeemed an offer and sent its credential request; returns what it got back. */
async function requestCredential() {
  const holder = newHolderKey();
  const client = walletClient(holder);
  const { offerId, links } = await env.issuer.offer([LEARNING_CREDENTIAL_SD_JWT]);
  const credentialOffer = await client.resolveCredentialOffer(links.byValue);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata });
  const accessToken = accessTokenResponse.access_token;
  const { c_nonce } = await client.requestNonce({ issuerMetadata });
  const signer = { method: 'jwk' as const, alg: holder.alg, publicJwk: holder.publicJwk };
  const { jwt } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId: LEARNING_CREDENTIAL_SD_JWT,
    nonce: c_nonce,
    signer,
  });
  const { credentialResponse, response } = await client.retrieveCredentials({
    issuerMetadata,
    accessToken,
    credentialConfigurationId: LEARNING_CREDENTIAL_SD_JWT,
    proofs: { jwt: [jwt] },
  });
  return { client, issuerMetadata, accessToken, offerId, credentialResponse, status: response.status };
}

async function post(path: string, body: unknown, accessToken: string) {
  const response = await fetch(`${env.issuer.issuerUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('deferred issuance (OID4VCI 1.0 §8.3, §9)', () => {
  it('answers 202 with transaction_id and interval, keeps the wallet waiting, then delivers once', async () => {
    env.issuer.state.deferIssuance = true;
    const { client, issuerMetadata, accessToken, offerId, credentialResponse, status } = await requestCredential();
    expect(status).toBe(202);
    expect(credentialResponse).toEqual({ transaction_id: expect.any(String), interval: 5 });
    expect(env.issuer.state.issued).toEqual([]);
    const transactionId = credentialResponse.transaction_id!;

    const waiting = await client.retrieveDeferredCredentials({ issuerMetadata, accessToken, transactionId });
    expect(waiting.response.status).toBe(202);
    expect(waiting.deferredCredentialResponse).toEqual({ transaction_id: transactionId, interval: 5 });

    env.issuer.state.deferIssuance = false;
    const delivered = await client.retrieveDeferredCredentials({ issuerMetadata, accessToken, transactionId });
    expect(delivered.response.status).toBe(200);
    expect(delivered.deferredCredentialResponse).toEqual({
      credentials: [{ credential: env.issuer.state.issued[0].credential }],
      notification_id: `n-${offerId}`,
    });
    expect(await post('/deferred-credential', { transaction_id: transactionId }, accessToken)).toEqual({
      status: 400,
      body: { error: 'invalid_transaction_id' },
    });
  });

  it('refuses a request without transaction_id as invalid_credential_request', async () => {
    env.issuer.state.deferIssuance = true;
    const { accessToken } = await requestCredential();
    expect(await post('/deferred-credential', {}, accessToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_credential_request' },
    });
  });
});

describe('notifications (OID4VCI 1.0 §11)', () => {
  it('records an event sent by the library client with 204', async () => {
    const { client, issuerMetadata, accessToken, offerId, credentialResponse } = await requestCredential();
    const sent = await client.sendNotification({
      issuerMetadata,
      accessToken,
      notification: { notificationId: credentialResponse.notification_id!, event: 'credential_accepted' },
    });
    expect(sent.response.status).toBe(204);
    expect(env.issuer.state.notifications).toEqual([{ offerId, notificationId: `n-${offerId}`, event: 'credential_accepted' }]);
  });

  it('refuses an unknown event or a non-ASCII description as invalid_notification_request, and a foreign id as invalid_notification_id', async () => {
    const { accessToken, offerId } = await requestCredential();
    const id = `n-${offerId}`;
    expect(await post('/notification', { notification_id: id, event: 'credential_lost' }, accessToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_notification_request' },
    });
    expect(
      await post('/notification', { notification_id: id, event: 'credential_failure', event_description: 'plein de mémoire' }, accessToken),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_notification_request' },
    });
    expect(await post('/notification', { event: 'credential_deleted' }, accessToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_notification_request' },
    });
    expect(await post('/notification', { notification_id: 'n-other', event: 'credential_deleted' }, accessToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_notification_id' },
    });
    expect(env.issuer.state.notifications).toEqual([]);
  });
});
