import { perSuite, startWithMembers } from './alliance-verification';
import { shareToken, startIssuanceStandIn } from './issuance-stand-in';

type StandIn = Awaited<ReturnType<typeof startIssuanceStandIn>>;

describe('GET /verify/shared/{token} (issuance stood in by a local server)', () => {
  const standIn = {} as StandIn;
  const alliance = perSuite(async () => {
    Object.assign(standIn, await startIssuanceStandIn());
    return startWithMembers({
      env: {
        VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
        VERIFICATION_ISSUANCE_INTERNAL_URL: standIn.url,
        VERIFICATION_FETCH_MAX_BYTES: String(64 * 1024),
      },
      beside: standIn,
    });
  });
  const get = (token: string) => alliance.v.http().get(`/verify/shared/${token}`);
  const problem = (
    res: { status: number; headers: Record<string, string>; body: { code?: string; detail?: string } },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.code).toBe(code);
    return res.body.detail ?? '';
  };

  it('returns the credential issuance serves for an active link, fetched from issuance at its configured address only', async () => {
    const token = shareToken();
    standIn.answer(`/shared-credentials/${token}`, { status: 200, body: alliance.f.credential });
    const res = await get(token).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toEqual(alliance.f.credential);
    expect(standIn.requests).toContain(`/shared-credentials/${token}`);
  });

  it('says in plain words that a link issuance does not open has expired or was withdrawn', async () => {
    const detail = problem(await get(shareToken()), 404, 'verification.share.not-found');
    expect(detail).toContain('expired or the learner withdrew it');
  });

  it('refuses a token of the wrong shape before asking issuance anything', async () => {
    const asked = standIn.requests.length;
    for (const hostile of [
      'short',
      'a'.repeat(129),
      `${'a'.repeat(24)}%2F..%2F..%2Fstatus-lists%2Flist-1`,
      `${'a'.repeat(24)}%40evil.example`,
      `${'a'.repeat(24)}.json`,
      encodeURIComponent('<script>alert(1)</script>aaaaaaaaaaaaaaaaaa'),
    ]) {
      const res = await get(hostile);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await get(`${'a'.repeat(24)}%00`)).status).toBe(400);
    expect(standIn.requests.length).toBe(asked);
  });

  it('follows no redirect and takes no answer that is not one credential of a bounded size', async () => {
    const target = shareToken();
    standIn.answer(`/shared-credentials/${target}`, { status: 200, body: alliance.f.credential });
    const redirecting = shareToken();
    standIn.answer(`/shared-credentials/${redirecting}`, {
      status: 302,
      headers: { location: `${standIn.url}/shared-credentials/${target}` },
    });
    const list = shareToken();
    standIn.answer(`/shared-credentials/${list}`, { status: 200, body: [alliance.f.credential] });
    const huge = shareToken();
    standIn.answer(`/shared-credentials/${huge}`, { status: 200, body: { ...alliance.f.credential, padding: 'x'.repeat(100 * 1024) } });
    const throttled = shareToken();
    standIn.answer(`/shared-credentials/${throttled}`, { status: 429, body: { status: 429 }, headers: { 'retry-after': '60' } });
    for (const token of [redirecting, list, huge, throttled]) {
      expect(problem(await get(token), 503, 'verification.share.issuance-unavailable')).toContain('Try again');
    }
    expect(standIn.requests.filter((p) => p === `/shared-credentials/${target}`)).toEqual([]);
  });

  it('answers 503 in plain words, never a 500, when issuance cannot be reached', async () => {
    await standIn.close();
    const detail = problem(await get(shareToken()), 503, 'verification.share.issuance-unavailable');
    expect(detail).toContain('could not be fetched from the issuing service');
  });
});
