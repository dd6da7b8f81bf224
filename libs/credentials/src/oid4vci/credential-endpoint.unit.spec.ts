import { randomBytes } from 'node:crypto';
import { setGlobalConfig } from '@openid4vc/oauth2';
import { LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC } from './credential-configurations';
import { createCNonce } from './nonce-endpoint';
import { handMadeProof, newHolderKey, walletClient } from './testing/holder-wallet';
import { startTestIssuer, type TestIssuer } from './testing/test-issuer-server';

beforeAll(() => setGlobalConfig({ allowInsecureUrls: true }));
afterAll(() => setGlobalConfig({ allowInsecureUrls: false }));

let clock: number;
let issuer: TestIssuer;
beforeEach(async () => {
  clock = Date.now();
  issuer = await startTestIssuer(() => new Date(clock));
});
afterEach(() => issuer.close());

/** An offer for the Learning Credential redeemed by a wallet: its access token, a fresh c_nonce and the holder key. */
async function redeemed(configurationIds = [LEARNING_CREDENTIAL_SD_JWT], at: TestIssuer = issuer) {
  const holder = newHolderKey();
  const client = walletClient(holder);
  const { links, txCode } = await at.offer(configurationIds, { withTxCode: true });
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

async function post(path: string, body: unknown, accessToken?: string) {
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

const request = (jwt: string, configurationId = LEARNING_CREDENTIAL_SD_JWT) => ({
  credential_configuration_id: configurationId,
  proofs: { jwt: [jwt] },
});

describe('credential endpoint refusals (OID4VCI 1.0 §8.3.1): the spec error, and nothing issued', () => {
  afterEach(() => expect(issuer.state.issued).toEqual([]));

  it('a proof whose nonce is not a c_nonce of this issuer: invalid_nonce', async () => {
    const { holder, accessToken } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: randomBytes(24).toString('base64url') });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_nonce' } });
  });

  it('a proof whose c_nonce has expired: invalid_nonce', async () => {
    const { cNonce } = createCNonce(issuer.protocol);
    clock += (issuer.protocol.limits.cNonceTtlSeconds + 1) * 1000;
    const { holder, accessToken } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce, iat: Math.floor(clock / 1000) });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_nonce' } });
  });

  it('a proof without a nonce: invalid_proof', async () => {
    const { holder, accessToken } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a proof for another audience: invalid_proof', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: 'https://another-issuer.example', nonce: cNonce });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a stale proof (iat older than the accepted window): invalid_proof', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce, iat: Math.floor(clock / 1000) - 3600 });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a proof signed by another key than the one in its header: invalid_proof', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce }, { jwk: newHolderKey().publicJwk });
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('a proof with an algorithm or key reference the configuration does not list: invalid_proof', async () => {
    const { accessToken, cNonce } = await redeemed();
    const edKey = newHolderKey('EdDSA');
    const eddsa = await handMadeProof(edKey, { aud: issuer.issuerUrl, nonce: cNonce });
    expect(await post('/credential', request(eddsa), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
    const holder = newHolderKey();
    const byDid = await handMadeProof(
      holder,
      { aud: issuer.issuerUrl, nonce: cNonce },
      { kid: 'did:key:zDnaeWgbpcUat3VPa1GpFcbNqEvVcRXnz4TefNZQtPQSQTJhm#0' },
    );
    expect(await post('/credential', request(byDid), accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_proof' } });
  });

  it('no proofs: invalid_proof', async () => {
    const { accessToken } = await redeemed();
    expect(await post('/credential', { credential_configuration_id: LEARNING_CREDENTIAL_SD_JWT }, accessToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_proof' },
    });
  });

  it('an unknown configuration: unknown_credential_configuration', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce });
    expect(await post('/credential', request(jwt, 'NoSuchCredential'), accessToken)).toMatchObject({
      status: 400,
      body: { error: 'unknown_credential_configuration' },
    });
  });

  it('a pre-1.0 request naming a format: invalid_credential_request', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce });
    const draft = { format: 'dc+sd-jwt', vct: 'urn:eu.europa.ec.eudi:learning:credential:1', proofs: { jwt: [jwt] } };
    expect(await post('/credential', draft, accessToken)).toMatchObject({ status: 400, body: { error: 'invalid_credential_request' } });
  });

  it('more proofs than the batch size: invalid_credential_request', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwts = [
      await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce }),
      await handMadeProof(newHolderKey(), { aud: issuer.issuerUrl, nonce: cNonce }),
    ];
    expect(
      await post('/credential', { credential_configuration_id: LEARNING_CREDENTIAL_SD_JWT, proofs: { jwt: jwts } }, accessToken),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_credential_request' },
    });
  });

  it('a configuration the offer did not include: 403 insufficient_scope', async () => {
    const { holder, accessToken, cNonce } = await redeemed([LEARNING_CREDENTIAL_SD_JWT]);
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce });
    const answer = await post('/credential', request(jwt, OPEN_BADGE_LDP_VC), accessToken);
    expect(answer).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    expect(answer.wwwAuthenticate).toContain('insufficient_scope');
  });

  it('no access token: 401 with a Bearer challenge and no error code (RFC 6750 §3.1)', async () => {
    const { holder, cNonce } = await redeemed();
    const answer = await post('/credential', request(await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce })));
    expect(answer.status).toBe(401);
    expect(answer.wwwAuthenticate).toMatch(/^Bearer/);
    expect(answer.wwwAuthenticate).not.toContain('error=');
  });

  it('a tampered, a foreign or an expired access token: 401 invalid_token', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: issuer.issuerUrl, nonce: cNonce });
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'another-offer' })).toString('base64url')}.${signature}`;
    const other = await startTestIssuer();
    const foreign = (await redeemed([LEARNING_CREDENTIAL_SD_JWT], other)).accessToken;
    await other.close();
    for (const token of [tampered, foreign, 'not-a-jwt']) {
      const answer = await post('/credential', request(jwt), token);
      expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
      expect(answer.wwwAuthenticate).toContain('error="invalid_token"');
    }
    clock += (issuer.protocol.limits.accessTokenTtlSeconds + 1) * 1000;
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
  });
});
