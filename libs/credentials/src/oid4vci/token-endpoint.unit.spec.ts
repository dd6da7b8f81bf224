import { LEARNING_CREDENTIAL_SD_JWT } from './credential-configurations';
import { useTestIssuer } from './testing/use-test-issuer';

const env = useTestIssuer({ controlledClock: true });

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

async function tokenRequest(fields: Record<string, string>) {
  const response = await fetch(`${env.issuer.issuerUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function offerWithCode(withTxCode: boolean, expiresInSeconds?: number) {
  const { offerId, links, txCode } = await env.issuer.offer([LEARNING_CREDENTIAL_SD_JWT], {
    withTxCode,
    ...(expiresInSeconds ? { expiresInSeconds } : {}),
  });
  const code = links.offer.grants?.[PRE_AUTH]?.['pre-authorized_code'] as string;
  return { offerId, code, txCode };
}

describe('token endpoint, pre-authorized code grant (OID4VCI 1.0 §6)', () => {
  it('grants an uncacheable token for the right tx_code, and the server records the redemption', async () => {
    const { offerId, code, txCode } = await offerWithCode(true);
    const answer = await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode! });
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe('no-store');
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect(typeof answer.body.access_token).toBe('string');
    expect(env.issuer.state.offers.get(offerId)?.redeemed).toBe(true);
  });

  it('refuses a wrong tx_code with invalid_grant and leaves the code unredeemed', async () => {
    const { offerId, code, txCode } = await offerWithCode(true);
    const wrong = txCode === '000000' ? '000001' : '000000';
    const answer = await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: wrong });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(answer.body).not.toHaveProperty('access_token');
    expect(env.issuer.state.offers.get(offerId)?.redeemed).toBe(false);
    expect(env.issuer.state.issued).toEqual([]);
  });

  it('refuses a missing tx_code, and an unexpected one, with invalid_request (§6.3)', async () => {
    const withTx = await offerWithCode(true);
    expect(await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': withTx.code })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    const withoutTx = await offerWithCode(false);
    expect(await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': withoutTx.code, tx_code: '123456' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
  });

  it('refuses a replayed pre-authorized code with invalid_grant', async () => {
    const { code, txCode } = await offerWithCode(true);
    expect((await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode! })).status).toBe(200);
    const replay = await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode! });
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(replay.body).not.toHaveProperty('access_token');
  });

  it('refuses an expired offer with invalid_grant', async () => {
    const { offerId, code } = await offerWithCode(false, 60);
    env.clock += 61_000;
    const answer = await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': code });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(env.issuer.state.offers.get(offerId)?.redeemed).toBe(false);
  });

  it('refuses an unknown code with invalid_grant', async () => {
    await offerWithCode(false);
    expect(await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': 'not-a-code-we-made' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('refuses a malformed request with invalid_request and a grant it does not serve with unsupported_grant_type', async () => {
    expect(await tokenRequest({ grant_type: PRE_AUTH })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await tokenRequest({ grant_type: 'authorization_code', code: 'x' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(env.issuer.state.issued).toEqual([]);
  });
});
