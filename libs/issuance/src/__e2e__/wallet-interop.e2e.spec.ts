import { type JsonObject, LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC, oidfViolations } from '@alliance/credentials';
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { compactVerify, importJWK, type JWK } from 'jose';
import { UNI_A } from './alliance-messages';
import type { IssuanceApp } from './issuance-app';
import { credentialRequest, holderKey, json, onTheWire, sphereonWallet, tokenRequest } from './sphereon-wallet';
import { useWalletApp } from './wallet-app';

describe("a wallet on another library (Sphereon's @sphereon/oid4vci-client 0.20) receives both credentials (OpenID4VCI 1.0)", () => {
  const wallet = useWalletApp();
  const { issuedTo, offer, mailedCode, streamOf } = wallet;
  let it$: IssuanceApp;
  beforeAll(() => {
    it$ = wallet.app();
    // Sphereon warns at every metadata fetch that an issuer of pre-authorized codes only has no authorization endpoint.
    const warn = console.warn.bind(console);
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('has no authorization_endpoint')) warn(...args);
    });
  });

  it('takes the offer by reference, and the offer and metadata it read pass the OIDF schemas', async () => {
    const credentialId = await issuedTo('learner-i1');
    const made = await offer(credentialId, 'learner-i1');
    const client = await sphereonWallet(made.byReference);
    expect(client.getIssuer()).toBe(it$.url);
    expect([...client.getCredentialOfferConfigurationIds()].sort()).toEqual([LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC].sort());
    expect(client.credentialOffer?.txCode).toEqual({ input_mode: 'numeric', length: made.txCode!.length, description: expect.any(String) });

    const byReference = onTheWire('GET', `/credential-offer/${made.offerId}`);
    expect(byReference.status).toBe(200);
    expect(byReference.headers.get('content-type')).toMatch(/^application\/json/);
    expect(oidfViolations('credential_offer-1_0.json', json(byReference))).toEqual([]);

    const metadata = onTheWire('GET', '/.well-known/openid-credential-issuer');
    expect(metadata.headers.get('content-type')).toMatch(/^application\/json/);
    const { [OPEN_BADGE_LDP_VC]: ldp, ...others } = json(metadata).credential_configurations_supported as JsonObject;
    // The OIDF schema has no ldp_vc branch (it reports that configuration's format members as unevaluated),
    // so the metadata is checked without it; the ldp_vc configuration is A.1.2's shape, checked in its unit spec.
    expect(ldp).toMatchObject({ format: 'ldp_vc' });
    expect(
      oidfViolations('credential_issuer_metadata-1_0.json', { ...json(metadata), credential_configurations_supported: others }),
    ).toEqual([]);

    // Sphereon asks for OpenID Connect discovery first, then RFC 8414; no OIDF schema exists for AS metadata.
    expect(onTheWire('GET', '/.well-known/openid-configuration').status).toBe(404);
    const as = onTheWire('GET', '/.well-known/oauth-authorization-server');
    expect(json(as)).toMatchObject({
      issuer: it$.url,
      token_endpoint: `${it$.url}/token`,
      'pre-authorized_grant_anonymous_access_supported': true,
    });
    expect(client.getAccessTokenEndpoint()).toBe(`${it$.url}/token`);
    expect(client.getNonceEndpoint()).toBe(`${it$.url}/nonce`);

    // The SD-JWT VC Type Metadata of the Learning Credential's vct, against the schema the OIDF suite uses.
    const typeMetadata = await fetch(`${it$.url}/type-metadata/learning-credential`);
    expect(oidfViolations('type_metadata.json', await typeMetadata.json())).toEqual([]);
  });

  it('redeems the mailed code, and with one access token receives the SD-JWT VC (ES256 key) and the ldp_vc (EdDSA did:jwk)', async () => {
    const credentialId = await issuedTo('learner-i2');
    const made = await offer(credentialId, 'learner-i2');
    const { code } = await mailedCode(made.offerId);
    const client = await sphereonWallet(made.byValue);

    const token = await tokenRequest(client, code);
    const tokenExchange = onTheWire('POST', '/token');
    expect(tokenExchange.request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(tokenExchange.request.body);
    expect(form.get('tx_code')).toBe(code);
    // Sphereon also sends the drafts' `user_pin`, which the token endpoint ignores as RFC 6749 §3.2 asks.
    expect(form.get('user_pin')).toBe(code);
    // §6.2 (RFC 6749 §5.1), no OIDF schema: access_token, token_type, expires_in; uncacheable.
    expect(tokenExchange.headers.get('cache-control')).toBe('no-store');
    expect(token.successBody).toMatchObject({ access_token: expect.any(String), token_type: expect.stringMatching(/^bearer$/i) });
    expect(token.successBody!.expires_in).toBeGreaterThan(0);
    const accessToken = token.successBody!;

    const es256 = await holderKey('ES256');
    const sdJwtResponse = await (
      await credentialRequest(client, accessToken, LEARNING_CREDENTIAL_SD_JWT, es256, await client.acquireNonce())
    ).send();
    const nonceExchange = onTheWire('POST', '/nonce');
    expect(nonceExchange.headers.get('cache-control')).toBe('no-store');
    expect(json(nonceExchange)).toEqual(expect.objectContaining({ c_nonce: expect.any(String) }));
    const sdJwtExchange = onTheWire('POST', '/credential');
    expect(sdJwtExchange.request.headers.get('content-type')).toBe('application/json');
    expect(oidfViolations('credential_request-1_0.json', JSON.parse(sdJwtExchange.request.body!))).toEqual([]);
    expect(sdJwtExchange.status).toBe(200);
    expect(sdJwtExchange.headers.get('cache-control')).toBe('no-store');
    // §8.3: `credentials`, a non-empty array of objects holding `credential`; a `notification_id`.
    expect(json(sdJwtExchange)).toEqual({ credentials: [{ credential: expect.any(String) }], notification_id: expect.any(String) });
    const sdJwtVc = sdJwtResponse.successBody!.credentials![0].credential as string;

    const eddsa = await holderKey('EdDSA');
    const ldpResponse = await (await credentialRequest(client, accessToken, OPEN_BADGE_LDP_VC, eddsa, await client.acquireNonce())).send();
    const ldpExchange = onTheWire('POST', '/credential');
    expect(oidfViolations('credential_request-1_0.json', JSON.parse(ldpExchange.request.body!))).toEqual([]);
    // A.1.2: an ldp_vc credential is the JSON object itself, not a string.
    expect(json(ldpExchange)).toEqual({ credentials: [{ credential: expect.any(Object) }], notification_id: expect.any(String) });

    // The SD-JWT VC, checked with sd-jwt-js against the key its issuer publishes at its well-known URL (SD-JWT VC §5).
    const { iss } = JSON.parse(Buffer.from(sdJwtVc.split('~')[0].split('.')[1], 'base64url').toString()) as { iss: string };
    expect(iss).toBe(`${it$.url}/institutions/${UNI_A}`);
    const published = (await (await fetch(`${it$.url}/.well-known/jwt-vc-issuer${new URL(iss).pathname}`)).json()) as {
      issuer: string;
      jwks: { keys: JWK[] };
    };
    expect(published.issuer).toBe(iss);
    const issuerKey = await importJWK(published.jwks.keys[0], 'EdDSA');
    const sdJwtVcs = new SDJwtVcInstance({
      hasher: digest,
      verifier: async (data: string, signature: string) => Boolean(await compactVerify(`${data}.${signature}`, issuerKey)),
    });
    const verified = await sdJwtVcs.verify(sdJwtVc);
    expect(verified.header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'EdDSA' });
    expect(verified.payload).toMatchObject({
      iss,
      vct: 'urn:eu.europa.ec.eudi:learning:credential:1',
      given_name: 'Ada',
      family_name: 'Lovelace',
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: es256.publicJwk.x, y: es256.publicJwk.y } },
    });
    const decoded = await sdJwtVcs.decode(sdJwtVc);
    expect((decoded.disclosures ?? []).map((d) => d.key)).toEqual(expect.arrayContaining(['given_name', 'family_name']));
    expect(decoded.jwt?.payload).not.toHaveProperty('given_name');

    // The ldp_vc is the co-signed credential issuance holds, as is.
    const held = await it$
      .http()
      .get(`/credentials/${credentialId}`)
      .set('authorization', await it$.bearer('alliance-admin'))
      .expect(200);
    expect(ldpResponse.successBody!.credentials![0].credential).toEqual(JSON.parse(held.text));

    const notified = await client.sendNotification(
      { notificationEndpoint: client.endpointMetadata.credentialIssuerMetadata!.notification_endpoint },
      { notification_id: sdJwtResponse.successBody!.notification_id!, event: 'credential_accepted' },
      accessToken.access_token,
    );
    expect(notified).toEqual({ error: false, response: undefined });
    expect(onTheWire('POST', '/notification').status).toBe(204);
    expect(await streamOf(made.offerId)).toEqual(
      expect.arrayContaining(['OfferRedeemed', 'CredentialDeliveredToWallet', 'WalletNotified']),
    );
  });

  it('refuses a wrong transaction code and a code used twice with invalid_grant, in the JSON error body Sphereon reads', async () => {
    const credentialId = await issuedTo('learner-i3');
    const made = await offer(credentialId, 'learner-i3');
    const { code } = await mailedCode(made.offerId);
    const client = await sphereonWallet(made.byReference);
    const wrong = await tokenRequest(client, code === '000000' ? '111111' : '000000');
    expect(wrong.origResponse.status).toBe(400);
    expect(wrong.origResponse.headers.get('content-type')).toMatch(/^application\/json/);
    expect(wrong.errorBody).toMatchObject({ error: 'invalid_grant' });
    expect((await tokenRequest(client, code)).successBody).toMatchObject({ access_token: expect.any(String) });
    const again = await tokenRequest(client, code);
    expect(again.origResponse.status).toBe(400);
    expect(again.errorBody).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a proof with a nonce it never made with invalid_nonce, then issues with a fresh c_nonce, ignoring unknown members', async () => {
    const credentialId = await issuedTo('learner-i4');
    const made = await offer(credentialId, 'learner-i4', { configurationIds: [LEARNING_CREDENTIAL_SD_JWT], txCode: false });
    const client = await sphereonWallet(made.byValue);
    const token = await client.acquireAccessToken();
    const holder = await holderKey('ES256');

    const refused = await (
      await credentialRequest(client, token, LEARNING_CREDENTIAL_SD_JWT, holder, 'a-nonce-this-issuer-never-made')
    ).send();
    // §8.3.1.2: invalid_nonce tells the wallet to fetch a new c_nonce from the Nonce Endpoint (§7).
    expect(refused.origResponse.status).toBe(400);
    expect(refused.errorBody).toMatchObject({ error: 'invalid_nonce' });

    // Unknown members are ignored (§8.2), as the OIDF happy flow checks by adding some.
    const fresh = await credentialRequest(client, token, LEARNING_CREDENTIAL_SD_JWT, holder, await client.acquireNonce(), {
      wallet_hint: { any: 'thing' },
    });
    const issued = await fresh.send();
    expect(issued.origResponse.status).toBe(200);
    expect(issued.successBody?.credentials).toHaveLength(1);
    const notified = await client.sendNotification(
      { notificationEndpoint: client.endpointMetadata.credentialIssuerMetadata!.notification_endpoint },
      {
        notification_id: issued.successBody!.notification_id!,
        event: 'credential_deleted',
        event_description: 'removed by the holder',
        wallet_hint: 1,
      } as never,
    );
    expect(notified.error).toBe(false);
    expect(await streamOf(made.offerId)).toEqual(expect.arrayContaining(['CredentialDeliveredToWallet', 'WalletNotified']));
  });

  it("reads the drafts' singular `proof` Sphereon sends as that one key proof, under the same checks", async () => {
    const credentialId = await issuedTo('learner-i7');
    const made = await offer(credentialId, 'learner-i7', { configurationIds: [LEARNING_CREDENTIAL_SD_JWT], txCode: false });
    const client = await sphereonWallet(made.byValue);
    const token = await client.acquireAccessToken();
    const holder = await holderKey('ES256');
    const foreign = await credentialRequest(client, token, LEARNING_CREDENTIAL_SD_JWT, holder, 'a-nonce-this-issuer-never-made');
    expect((await foreign.sendAsDrafted()).errorBody).toMatchObject({ error: 'invalid_nonce' });
    const drafted = await credentialRequest(client, token, LEARNING_CREDENTIAL_SD_JWT, holder, await client.acquireNonce());
    const issued = await drafted.sendAsDrafted();
    expect(issued.origResponse.status).toBe(200);
    expect(issued.successBody?.credentials).toHaveLength(1);
  });

  it('answers the nonce request with or without the empty form Sphereon sends, uncacheable, a new nonce each time', async () => {
    // Sphereon posts an empty form; §7.1's example has no body and no media type at all.
    const nonce = (init: RequestInit) => fetch(`${it$.url}/nonce`, { method: 'POST', ...init });
    const answers = [await nonce({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' }), await nonce({})];
    const nonces: unknown[] = [];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      nonces.push(((await answer.json()) as { c_nonce: unknown }).c_nonce);
    }
    expect(nonces).toEqual([expect.any(String), expect.any(String)]);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('lets a wallet running in a browser call every wallet endpoint from any origin, and no other endpoint', async () => {
    const credentialId = await issuedTo('learner-i5');
    const made = await offer(credentialId, 'learner-i5', { txCode: false });
    const origin = 'https://wallet.example';
    const preflight = (path: string, method: string) =>
      fetch(`${it$.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
      });
    const gets = ['/.well-known/openid-credential-issuer', '/.well-known/oauth-authorization-server', `/credential-offer/${made.offerId}`];
    const posts = ['/token', '/nonce', '/credential', '/deferred-credential', '/notification'];
    for (const [path, method] of [...gets.map((p) => [p, 'GET']), ...posts.map((p) => [p, 'POST'])]) {
      const answer = await preflight(path, method);
      expect({ path, status: answer.status }).toEqual({ path, status: 204 });
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-allow-methods')).toContain(method);
      expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(
        expect.stringContaining('authorization, content-type'),
      );
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const metadata = await fetch(`${it$.url}/.well-known/openid-credential-issuer`, { headers: { origin } });
    expect(metadata.headers.get('access-control-allow-origin')).toBe('*');
    const unauthorized = await fetch(`${it$.url}/credential`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe('*');
    expect(unauthorized.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate');

    // The platform's own API stays same-origin.
    expect((await preflight('/credentials', 'GET')).headers.get('access-control-allow-origin')).toBeNull();
    const own = await fetch(`${it$.url}/credentials/${credentialId}`, { headers: { origin } });
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });
});
