import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type JsonObject,
  type Jwk,
  LEARNING_CREDENTIAL_SD_JWT,
  handMadeProof,
  newHolderKey,
  OPEN_BADGE_LDP_VC,
  verifyLearningCredential,
  walletClient,
  walletRun,
} from '@alliance/credentials';
import { setGlobalConfig } from '@openid4vc/utils';
import { MEMBERS, messages, UNI_A, UNI_B } from './alliance-messages';
import { delegateToPlatform, eventually, type IssuanceApp, startIssuance, verifyCoSigned } from './issuance-app';

type Metadata = Record<string, unknown> & { credential_configurations_supported: Record<string, unknown> };
type Offer = { offerId: string; byValue: string; byReference: string; qrSvg: string; txCode?: { length: number }; expiresAt: string };

describe('a learner receives a credential in a wallet (OpenID4VCI 1.0, the holder side of @openid4vc/openid4vci)', () => {
  let it$: IssuanceApp;
  const keys: Record<string, string> = {};

  const issuedTo = async (learner: string): Promise<string> => {
    await it$.bus.publish([
      messages.enrolled(`enr-${learner}`, learner),
      messages.result(`enr-${learner}`, learner, 'SES-1', 8),
      messages.result(`enr-${learner}`, learner, 'SES-2', 7),
    ]);
    const admin = await it$.bearer('alliance-admin');
    const issued = await eventually(
      async () => {
        const res = await it$.http().get(`/credentials?learner=${learner}`).set('authorization', admin);
        return (res.body as { items: { credentialId: string; lifecycle: string }[] }).items.find((c) => c.lifecycle === 'issued');
      },
      30_000,
      `the credential of ${learner}`,
    );
    return issued.credentialId;
  };
  const offer = async (credentialId: string, learner: string, body: Record<string, unknown> = {}) =>
    (
      await it$
        .http()
        .post(`/credentials/${credentialId}/wallet-offers`)
        .set('authorization', await it$.bearer('learner', undefined, learner))
        .send(body)
        .expect(201)
    ).body as Offer;
  /** The transaction code as the learner reads it in the mail the development adapter writes. */
  const mailedCode = (offerId: string) =>
    eventually(
      async () => {
        const file = await readFile(join(it$.config.DATA_DIR, 'mail', 'learner-mail.jsonl'), 'utf8').catch(() => '');
        const line = file
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { reference: string; to: string; text: string })
          .find((m) => m.reference === offerId);
        return line && { to: line.to, code: /code is (\d+)\./.exec(line.text)?.[1] };
      },
      20_000,
      'the mailed transaction code',
    );

  /** The wallet's whole run, asking for one configuration; the access token as the wallet keeps it. */
  const walletRunFor = async (link: string, txCode: string | undefined, configurationId: string) => {
    const run = await walletRun(link, txCode, undefined, configurationId);
    return { ...run, accessToken: run.accessTokenResponse.access_token };
  };

  beforeAll(async () => {
    setGlobalConfig({ allowInsecureUrls: true });
    it$ = await startIssuance();
    await it$.bus.publish([messages.institutionRegistered(UNI_A), messages.institutionRegistered(UNI_B), messages.specPublished()]);
    for (const id of [UNI_A, UNI_B]) {
      keys[id] = (await delegateToPlatform(it$, id)).publicKeyMultibase;
      await it$.bus.publish([messages.keyAdded(id as typeof UNI_A, keys[id])]);
    }
  }, 60_000);
  afterAll(async () => {
    setGlobalConfig({ allowInsecureUrls: false });
    await it$?.close();
  });

  it('publishes its issuer and authorization server metadata, its access-token keys and the Learning Credential type metadata', async () => {
    const issuer = (await it$.http().get('/.well-known/openid-credential-issuer').expect(200)).body as Metadata;
    expect(issuer.credential_issuer).toBe(it$.url);
    expect(Object.keys(issuer.credential_configurations_supported).sort()).toEqual([LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC].sort());
    expect(issuer.credential_configurations_supported[LEARNING_CREDENTIAL_SD_JWT]).toMatchObject({
      format: 'dc+sd-jwt',
      vct: 'urn:eu.europa.ec.eudi:learning:credential:1',
      credential_signing_alg_values_supported: ['EdDSA'],
    });
    for (const endpoint of ['credential_endpoint', 'nonce_endpoint', 'deferred_credential_endpoint', 'notification_endpoint']) {
      expect(issuer[endpoint]).toMatch(new RegExp(`^${it$.url}/`));
    }
    const as = (await it$.http().get('/.well-known/oauth-authorization-server').expect(200)).body as Metadata;
    expect(as).toMatchObject({
      issuer: it$.url,
      token_endpoint: `${it$.url}/token`,
      'pre-authorized_grant_anonymous_access_supported': true,
    });
    const jwks = (await it$.http().get('/jwks').expect(200)).body as { keys: Jwk[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect((await it$.http().get('/type-metadata/learning-credential').expect(200)).body).toMatchObject({
      vct: 'urn:eu.europa.ec.eudi:learning:credential:1',
    });
    await it$.http().get('/.well-known/jwt-vc-issuer/institutions/uni-unknown').expect(404);
    await it$.http().get('/credential-offer/not-an-offer').expect(404);
  });

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

  it('hands over the EUDI Learning Credential, signed by the lead awarding body and bound to the wallet key, with the mailed code', async () => {
    const credentialId = await issuedTo('learner-w1');
    const made = await offer(credentialId, 'learner-w1');
    expect(made).not.toHaveProperty('preAuthorizedCode');
    expect(made.qrSvg).toMatch(/^<svg/);
    const mail = await mailedCode(made.offerId);
    expect(mail.to).toBe('ada@example.org');
    const run = await walletRunFor(made.byReference, mail.code, LEARNING_CREDENTIAL_SD_JWT);
    const credential = (run.response.credentialResponse.credentials![0] as { credential: string }).credential;

    const issuerUrl = run.issuerMetadata.credentialIssuer.credential_issuer;
    const metadata = (await it$.http().get(`/.well-known/jwt-vc-issuer/institutions/${UNI_A}`).expect(200)).body as {
      issuer: string;
      jwks: { keys: Jwk[] };
    };
    expect(metadata.issuer).toBe(`${issuerUrl}/institutions/${UNI_A}`);
    const { claims } = await verifyLearningCredential(credential, { issuerJwk: metadata.jwks.keys[0] });
    expect(claims).toMatchObject({
      iss: metadata.issuer,
      vct: 'urn:eu.europa.ec.eudi:learning:credential:1',
      family_name: 'Lovelace',
      given_name: 'Ada',
      issuing_country: MEMBERS[UNI_A].countryCode,
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: run.holder.publicJwk.x } },
    });

    // The wallet says it stored it; the offer's stream shows every step.
    await run.client.sendNotification({
      issuerMetadata: run.issuerMetadata,
      accessToken: run.accessToken,
      notification: { notificationId: run.response.credentialResponse.notification_id!, event: 'credential_accepted' },
    });
    const steps = await eventually(async () => {
      const events = await it$.store.readStream(`issuance.wallet-offer-${made.offerId}`);
      return events.some((e) => e.type === 'WalletNotified') ? events.map((e) => e.type) : undefined;
    });
    expect(steps).toEqual(['CredentialOffered', 'OfferRedeemed', 'CredentialDeliveredToWallet', 'WalletNotified']);
    // As stored: the wallet key's thumbprint is sealed with the learner's key, like the learner's name.
    const [delivered] = (await it$.store.readStream(`issuance.wallet-offer-${made.offerId}`)).filter(
      (e) => e.type === 'CredentialDeliveredToWallet',
    );
    expect((delivered.data as { holderKeyThumbprint: unknown }).holderKeyThumbprint).toMatchObject({ $sealed: expect.any(String) });
  });

  it("hands over the co-signed Open Badges credential, every awarding body's proof verifying, without a transaction code when none was asked", async () => {
    const credentialId = await issuedTo('learner-w2');
    const made = await offer(credentialId, 'learner-w2', { configurationIds: [OPEN_BADGE_LDP_VC], txCode: false });
    const run = await walletRunFor(made.byValue, undefined, OPEN_BADGE_LDP_VC);
    const credential = (run.response.credentialResponse.credentials![0] as { credential: JsonObject }).credential;
    expect(credential.id).toBe(`urn:uuid:${credentialId}`);
    const verified = await verifyCoSigned(it$, credential, keys);
    expect(verified.errors).toEqual([]);
    expect(verified.verified).toBe(true);
  });

  const streamOf = async (offerId: string) => (await it$.store.readStream(`issuance.wallet-offer-${offerId}`)).map((e) => e.type);
  const post = async (path: string, body: unknown, accessToken: string) => {
    const res = await fetch(`${it$.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as { error?: string } | undefined };
  };

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

  // Last: it switches UNI_B to signing by hand, which holds every credential that follows.
  it('defers while an awarding body has still to sign, then hands the credential to the same wallet key', async () => {
    const adminB = await it$.bearer('institution-admin', UNI_B);
    await it$.http().put(`/institutions/${UNI_B}/signing-policy`).set('authorization', adminB).send({ policy: 'manual' }).expect(200);
    await it$.bus.publish([
      messages.enrolled('enr-learner-w5', 'learner-w5'),
      messages.result('enr-learner-w5', 'learner-w5', 'SES-1', 8),
      messages.result('enr-learner-w5', 'learner-w5', 'SES-2', 7),
    ]);
    const admin = await it$.bearer('alliance-admin');
    const pending = await eventually(async () => {
      const res = await it$.http().get('/credentials?learner=learner-w5').set('authorization', admin);
      return (res.body as { items: { credentialId: string; lifecycle: string }[] }).items.find((c) => c.lifecycle === 'collecting-proofs');
    });
    const made = await offer(pending.credentialId, 'learner-w5', { configurationIds: [LEARNING_CREDENTIAL_SD_JWT], txCode: false });
    const run = await walletRunFor(made.byValue, undefined, LEARNING_CREDENTIAL_SD_JWT);
    const transactionId = run.response.credentialResponse.transaction_id!;
    expect(transactionId).toEqual(expect.any(String));
    expect(run.response.credentialResponse.credentials).toBeUndefined();
    const poll = () =>
      run.client.retrieveDeferredCredentials({ issuerMetadata: run.issuerMetadata, accessToken: run.accessToken, transactionId });
    expect((await poll()).deferredCredentialResponse).toMatchObject({ transaction_id: transactionId });

    await it$.http().post(`/credentials/${pending.credentialId}/endorsements`).set('authorization', adminB).send({}).expect(201);
    await eventually(async () => {
      const res = await it$.http().get('/credentials?learner=learner-w5').set('authorization', admin);
      return (res.body as { items: { lifecycle: string }[] }).items.some((c) => c.lifecycle === 'issued') || undefined;
    });
    const delivered = await poll();
    const credential = (delivered.deferredCredentialResponse.credentials![0] as { credential: string }).credential;
    const metadata = (await it$.http().get(`/.well-known/jwt-vc-issuer/institutions/${UNI_A}`).expect(200)).body as {
      jwks: { keys: Jwk[] };
    };
    const { claims } = await verifyLearningCredential(credential, { issuerJwk: metadata.jwks.keys[0] });
    expect(claims.cnf).toEqual({ jwk: expect.objectContaining({ x: run.holder.publicJwk.x }) });
    expect(await streamOf(made.offerId)).toEqual([
      'CredentialOffered',
      'OfferRedeemed',
      'WalletDeliveryDeferred',
      'CredentialDeliveredToWallet',
    ]);
  });
});
