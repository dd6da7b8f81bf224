import { LEARNING_CREDENTIAL_SD_JWT, handMadeProof, newHolderKey, walletClient } from '@alliance/credentials';
import { OFFER_TTL_SECONDS } from '../domain/wallet-offer/wallet-offer.rules';
import type { IssuanceApp } from './issuance-app';
import { useWalletApp } from './wallet-app';

describe('what a wallet offer refuses (OpenID4VCI 1.0 errors, recorded in the offer, nothing issued)', () => {
  const wallet = useWalletApp();
  const { issuedTo, offer, mailedCode, streamOf, post } = wallet;
  let it$: IssuanceApp;
  beforeAll(() => (it$ = wallet.app()));

  it('refuses a bad offer request naming its fields, and answers another learner as if the credential did not exist', async () => {
    const credentialId = await issuedTo('learner-w0');
    const asLearner = async (learner: string) => it$.bearer('learner', undefined, learner);
    const bad = await it$
      .http()
      .post(`/credentials/${credentialId}/wallet-offers`)
      .set('authorization', await asLearner('learner-w0'))
      .send({ configurationIds: ['mso_mdoc'], ttlSeconds: 5 })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['configurationIds', 'ttlSeconds']);
    await it$
      .http()
      .post(`/credentials/${credentialId}/wallet-offers`)
      .set('authorization', await asLearner('learner-w9'))
      .send({})
      .expect(404);
    await it$.http().post(`/credentials/${credentialId}/wallet-offers`).send({}).expect(401);
  });

  it('refuses a wrong transaction code and a replayed code with invalid_grant, and closes the offer once redeemed', async () => {
    const credentialId = await issuedTo('learner-w3');
    const made = await offer(credentialId, 'learner-w3');
    const { code } = await mailedCode(made.offerId);
    const client = walletClient(newHolderKey());
    const credentialOffer = await client.resolveCredentialOffer(made.byValue);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const redeem = (txCode: string) => client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode });
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(redeem(wrong)).rejects.toMatchObject({ errorResponse: { error: 'invalid_grant' } });
    await redeem(code!);
    await expect(redeem(code!)).rejects.toMatchObject({ errorResponse: { error: 'invalid_grant' } });
    expect(await streamOf(made.offerId)).toEqual([
      'CredentialOffered',
      'OfferRedemptionRefused',
      'OfferRedeemed',
      'OfferRedemptionRefused',
    ]);
    await it$.http().get(`/credential-offer/${made.offerId}`).expect(404);
  });

  it('refuses a key proof with a wrong nonce or audience, records the failure, and issues nothing', async () => {
    const credentialId = await issuedTo('learner-w4');
    const made = await offer(credentialId, 'learner-w4', { txCode: false });
    const holder = newHolderKey();
    const client = walletClient(holder);
    const credentialOffer = await client.resolveCredentialOffer(made.byValue);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata });
    const token = accessTokenResponse.access_token;
    const { c_nonce } = await client.requestNonce({ issuerMetadata });
    const issuerUrl = issuerMetadata.credentialIssuer.credential_issuer;
    const request = (jwt: string) => ({ credential_configuration_id: LEARNING_CREDENTIAL_SD_JWT, proofs: { jwt: [jwt] } });
    const staleNonce = await handMadeProof(holder, { aud: issuerUrl, nonce: 'not-a-nonce-of-this-issuer' });
    expect(await post('/credential', request(staleNonce), token)).toMatchObject({ status: 400, body: { error: 'invalid_nonce' } });
    const otherAudience = await handMadeProof(holder, { aud: 'https://another-issuer.example', nonce: c_nonce });
    expect(await post('/credential', request(otherAudience), token)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
    expect(await post('/credential', request(staleNonce), 'not-a-token')).toMatchObject({ status: 401 });
    const steps = await streamOf(made.offerId);
    expect(steps.filter((t) => t === 'WalletDeliveryFailed')).toHaveLength(2);
    expect(steps).not.toContain('CredentialDeliveredToWallet');
  });

  // Last: it moves every clock of the process (the service's, its deciders', the protocol layer's) past the offer's
  // expiry by faking Date only, so timers, I/O and the wallet library run as they do; the real clock comes back after.
  it('refuses with invalid_grant an offer redeemed after it expired, records the refusal, and issues nothing', async () => {
    const credentialId = await issuedTo('learner-w6');
    const made = await offer(credentialId, 'learner-w6', { txCode: false, ttlSeconds: OFFER_TTL_SECONDS.min });
    const client = walletClient(newHolderKey());
    // The wallet read the offer in time, and redeems it later.
    const credentialOffer = await client.resolveCredentialOffer(made.byValue);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    fakeDateFrom(Date.parse(made.expiresAt) + 1000);
    try {
      await expect(client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata })).rejects.toMatchObject({
        errorResponse: { error: 'invalid_grant' },
      });
    } finally {
      jest.useRealTimers();
    }
    const events = await it$.store.readStream(`issuance.wallet-offer-${made.offerId}`);
    expect(events.map((e) => e.type)).toEqual(['CredentialOffered', 'OfferRedemptionRefused']);
    expect(events[1].data).toMatchObject({ reason: 'expired' });
    expect(Date.parse((events[1].data as { refusedAt: string }).refusedAt)).toBeGreaterThan(Date.parse(made.expiresAt));
  });
});

/** Moves Date (only: timers and the rest stay real) to `now`, from where it goes on ticking. */
const fakeDateFrom = (now: number) =>
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
