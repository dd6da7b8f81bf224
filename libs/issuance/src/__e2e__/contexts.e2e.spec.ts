import { createHash } from 'node:crypto';
import { SERVED_CONTEXTS } from '@alliance/credentials';
import { type IssuanceApp, startIssuance } from './issuance-app';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
type Index = { contexts: { url: string; sha256: string; mediaType: string }[] };

describe('the JSON-LD contexts issuance serves to anyone', () => {
  let it$: IssuanceApp;
  beforeAll(async () => {
    it$ = await startIssuance();
  }, 60_000);
  afterAll(() => it$?.close());

  it('lists each served context under the public URL with the SHA-256 of its bytes, readable cross-origin without a token', async () => {
    const res = await it$.http().get('/contexts').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect((res.body as Index).contexts).toEqual(
      SERVED_CONTEXTS.map((c) => ({ url: `${it$.url}/contexts/${c.path}`, sha256: c.sha256, mediaType: 'application/ld+json' })),
    );
  });

  it('serves each context byte for byte as pinned: JSON-LD, a strong ETag, cacheable for good, open to every origin', async () => {
    const { contexts } = (await it$.http().get('/contexts').expect(200)).body as Index;
    for (const listed of contexts) {
      const path = new URL(listed.url).pathname;
      // The exact bytes sent, not a parse of them.
      const res = await it$
        .http()
        .get(path)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const body = res.body as Buffer;
      expect(sha256(body)).toBe(listed.sha256);
      expect(res.headers['content-type']).toMatch(/^application\/ld\+json(;|$)/);
      expect(res.headers['etag']).toBe(`"sha256-${listed.sha256}"`);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(JSON.parse(body.toString('utf8'))).toHaveProperty('@context');
    }
  });

  it('answers a cache that already holds the bytes with 304, and a HEAD with the headers alone', async () => {
    const v2 = SERVED_CONTEXTS.find((c) => c.path === 'microcredential/v2')!;
    const notModified = await it$.http().get('/contexts/microcredential/v2').set('If-None-Match', `"sha256-${v2.sha256}"`).expect(304);
    expect(notModified.headers['etag']).toBe(`"sha256-${v2.sha256}"`);
    const stale = await it$
      .http()
      .get('/contexts/microcredential/v2')
      .set('If-None-Match', `"sha256-${'0'.repeat(64)}"`)
      .expect(200);
    expect(stale.headers['etag']).toBe(`"sha256-${v2.sha256}"`);
    const head = await it$.http().head('/contexts/microcredential/v2').expect(200);
    expect(head.headers['etag']).toBe(`"sha256-${v2.sha256}"`);
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers an unknown context with a 404 problem naming the path', async () => {
    for (const path of ['/contexts/microcredential/v3', '/contexts/credentials/v2', '/contexts/microcredential/..%2Fv2']) {
      const res = await it$.http().get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, errors: [expect.objectContaining({ field: 'path' })] });
    }
  });
});

describe('contexts served for a configured CONTEXT_BASE_URL', () => {
  let it$: IssuanceApp;
  beforeAll(async () => {
    it$ = await startIssuance({
      env: { CONTEXT_BASE_URL: 'https://contexts.alliance.example/credentials/', PUBLIC_RATE_LIMIT_PER_MINUTE: '3' },
    });
  }, 60_000);
  afterAll(() => it$?.close());

  it('lists the URLs credentials name under that base, and limits anonymous clients like the other public routes', async () => {
    const index = (await it$.http().get('/contexts').expect(200)).body as Index;
    expect(index.contexts.map((c) => c.url)).toEqual(
      SERVED_CONTEXTS.map((c) => `https://contexts.alliance.example/credentials/contexts/${c.path}`),
    );
    // The budget is counted per route and client: three contexts pass, the fourth is refused.
    for (const version of ['v2', 'v1', 'v2']) await it$.http().get(`/contexts/microcredential/${version}`).expect(200);
    const limited = await it$.http().get('/contexts/microcredential/v2').expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
