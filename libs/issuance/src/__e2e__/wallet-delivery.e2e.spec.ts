import { type JsonObject, type Jwk, LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC, verifyLearningCredential } from '@alliance/credentials';
import { MEMBERS, messages, UNI_A, UNI_B } from './alliance-messages';
import { eventually, type IssuanceApp, verifyCoSigned } from './issuance-app';
import { useWalletApp } from './wallet-app';

type Metadata = Record<string, unknown> & { credential_configurations_supported: Record<string, unknown> };

describe('a learner receives a credential in a wallet (OpenID4VCI 1.0, the holder side of @openid4vc/openid4vci)', () => {
  const wallet = useWalletApp();
  const { issuedTo, offer, mailedCode, walletRunFor, streamOf, keys } = wallet;
  let it$: IssuanceApp;
  beforeAll(() => (it$ = wallet.app()));
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
