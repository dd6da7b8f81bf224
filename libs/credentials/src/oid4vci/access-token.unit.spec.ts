import { LEARNING_CREDENTIAL_SD_JWT, OPEN_BADGE_LDP_VC } from './credential-configurations';
import { handMadeProof } from './testing/holder-wallet';
import { credentialRequest as request } from './testing/redeemed-offer';
import { startTestIssuer } from './testing/test-issuer-server';
import { useTestIssuer } from './testing/use-test-issuer';

const env = useTestIssuer({ controlledClock: true });
const { redeemed, post } = env;

describe('access to the credential endpoint (OID4VCI 1.0 §8.3.1.1, RFC 6750 §3): nothing issued without a valid token for the credential', () => {
  afterEach(() => expect(env.issuer.state.issued).toEqual([]));

  it('a configuration the offer did not include: 403 insufficient_scope', async () => {
    const { holder, accessToken, cNonce } = await redeemed([LEARNING_CREDENTIAL_SD_JWT]);
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce });
    const answer = await post('/credential', request(jwt, OPEN_BADGE_LDP_VC), accessToken);
    expect(answer).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    expect(answer.wwwAuthenticate).toContain('insufficient_scope');
  });

  it('no access token: 401 with a Bearer challenge and no error code (RFC 6750 §3.1)', async () => {
    const { holder, cNonce } = await redeemed();
    const answer = await post('/credential', request(await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce })));
    expect(answer.status).toBe(401);
    expect(answer.wwwAuthenticate).toMatch(/^Bearer/);
    expect(answer.wwwAuthenticate).not.toContain('error=');
  });

  it('a tampered, a foreign or an expired access token: 401 invalid_token', async () => {
    const { holder, accessToken, cNonce } = await redeemed();
    const jwt = await handMadeProof(holder, { aud: env.issuer.issuerUrl, nonce: cNonce });
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
    env.clock += (env.issuer.protocol.limits.accessTokenTtlSeconds + 1) * 1000;
    expect(await post('/credential', request(jwt), accessToken)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
  });
});
