import { withoutPersonalQuery } from './logging.module';

describe('request logs without personal query values', () => {
  it('masks a learner looked up by email, and any value holding an @, keeping the rest', () => {
    const logged = withoutPersonalQuery({
      url: '/enrolments?learner=ada%40example.org&limit=10&q=Ada',
      query: { learner: 'ada@example.org', limit: '10', q: 'Ada', other: 'x@y' },
    });
    expect(logged.url).toBe('/enrolments?learner=***&limit=10&q=***');
    expect(logged.query).toEqual({ learner: '***', limit: '10', q: '***', other: '***' });
    expect(JSON.stringify(logged)).not.toMatch(/ada|Ada/);
  });

  it('leaves a request without a query as it is', () => {
    const req = { url: '/credentials/c1', query: {} };
    expect(withoutPersonalQuery(req)).toBe(req);
  });

  it("masks a share link's token in the path, its path parameter and the verification page's query", () => {
    const token = 'A'.repeat(86);
    expect(withoutPersonalQuery({ url: `/shared-credentials/${token}`, params: { token } })).toEqual({
      url: '/shared-credentials/***',
      params: { token: '***' },
    });
    expect(withoutPersonalQuery({ url: `/verify/shared/${token}?x=1`, params: { splat: ['verify', 'shared', token] } })).toEqual({
      url: '/verify/shared/***?x=1',
      params: { splat: ['verify', 'shared', '***'] },
    });
    expect(withoutPersonalQuery({ url: `/verify?share=${token}`, query: { share: token } })).toEqual({
      url: '/verify?share=***',
      query: { share: '***' },
    });
  });
});
