import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HostAllowList } from './address-policy';
import { HttpWebFetcher } from './http-web-fetcher';
import { StatusListCache, STATUS_LIST_CACHE_DEFAULTS } from './status-list-cache';

interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Answer 304 when the request carries this If-None-Match or this If-Modified-Since. */
  notModifiedFor?: { etag?: string; lastModified?: string };
}

describe('StatusListCache over a real local server', () => {
  const routes = new Map<string, Route>();
  const requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
  let server: Server;
  let base: string;
  let now = 1_000_000;
  const silent = { warn: jest.fn() };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '';
      requests.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
      const route = routes.get(path);
      if (!route) return void res.writeHead(404).end();
      const nm = route.notModifiedFor;
      if (
        nm &&
        ((nm.etag && req.headers['if-none-match'] === nm.etag) || (nm.lastModified && req.headers['if-modified-since'] === nm.lastModified))
      ) {
        return void res.writeHead(304, route.headers ?? {}).end();
      }
      res
        .writeHead(route.status ?? 200, { 'content-type': 'application/json', ...(route.headers ?? {}) })
        .end(JSON.stringify(route.body ?? {}));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => {
    routes.clear();
    requests.length = 0;
    now = 1_000_000;
  });

  const cache = (options: Partial<typeof STATUS_LIST_CACHE_DEFAULTS> = {}) =>
    new StatusListCache(
      new HttpWebFetcher({ timeoutMs: 1500, logger: silent, allowHosts: new HostAllowList([`127.0.0.1:${new URL(base).port}`]) }),
      {
        ...STATUS_LIST_CACHE_DEFAULTS,
        clock: () => now,
        ...options,
      },
    );
  const hits = (path: string) => requests.filter((r) => r.path === path);
  const list = (extra: object = {}) => ({
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    credentialSubject: { encodedList: 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA' },
    ...extra,
  });

  it('serves a second fetch within the list ttl without a request, and revalidates after it', async () => {
    routes.set('/ttl', { headers: { etag: '"v1"' }, body: list({ ttl: 60_000 }), notModifiedFor: { etag: '"v1"' } });
    const c = cache();
    await expect(c.fetchJson(`${base}/ttl`)).resolves.toMatchObject({ ok: true, json: { ttl: 60_000 } });
    now += 59_000;
    await expect(c.fetchJson(`${base}/ttl`)).resolves.toMatchObject({ ok: true, json: { ttl: 60_000 } });
    expect(hits('/ttl')).toHaveLength(1);
    now += 2_000;
    await expect(c.fetchJson(`${base}/ttl`)).resolves.toMatchObject({ ok: true, json: { ttl: 60_000 } });
    expect(hits('/ttl')).toHaveLength(2);
    expect(hits('/ttl')[1]).toMatchObject({ ifNoneMatch: '"v1"' });
  });

  it("fetches the alliance issuance service's own lists fresh every time, so a revocation it just recorded shows at once", async () => {
    routes.set('/own', { headers: { etag: '"v1"' }, body: list({ ttl: 60_000 }) });
    const c = cache({ bypass: (url) => url.endsWith('/own') });
    await c.fetchJson(`${base}/own`);
    routes.set('/own', { headers: { etag: '"v2"' }, body: list({ ttl: 1 }) });
    await expect(c.fetchJson(`${base}/own`)).resolves.toMatchObject({ ok: true, json: { ttl: 1 } });
    expect(hits('/own')).toHaveLength(2);
    expect(c.size).toBe(0);
  });

  it('asks for its own lists every time with the validator last received: 304 hands back the copy, a change its new body', async () => {
    routes.set('/own-etag', { headers: { etag: '"v1"' }, body: list({ id: 'v1' }), notModifiedFor: { etag: '"v1"' } });
    const c = cache({ bypass: (url) => url.endsWith('/own-etag') });
    const first = await c.fetchJson(`${base}/own-etag`);
    const again = await c.fetchJson(`${base}/own-etag`);
    expect(again).toMatchObject({ ok: true, json: { id: 'v1' } });
    expect(again.ok && first.ok && again.json === first.json).toBe(true);
    expect(hits('/own-etag')).toEqual([
      expect.objectContaining({ ifNoneMatch: undefined }),
      expect.objectContaining({ ifNoneMatch: '"v1"' }),
    ]);
    routes.set('/own-etag', { headers: { etag: '"v2"' }, body: list({ id: 'v2' }), notModifiedFor: { etag: '"v2"' } });
    await expect(c.fetchJson(`${base}/own-etag`)).resolves.toMatchObject({ ok: true, json: { id: 'v2' } });
    expect(hits('/own-etag')).toHaveLength(3);
  });

  it('a 304 keeps the body held and renews its freshness', async () => {
    routes.set('/lm', {
      headers: { 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT', 'cache-control': 'max-age=10' },
      body: list({ id: 'first' }),
      notModifiedFor: { lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT' },
    });
    const c = cache();
    await c.fetchJson(`${base}/lm`);
    routes.set('/lm', { ...routes.get('/lm')!, body: list({ id: 'would-be-new' }) });
    now += 11_000;
    await expect(c.fetchJson(`${base}/lm`)).resolves.toMatchObject({ ok: true, json: { id: 'first' } });
    expect(hits('/lm')[1]).toMatchObject({ ifModifiedSince: 'Wed, 01 Jan 2025 00:00:00 GMT' });
    now += 9_000;
    await expect(c.fetchJson(`${base}/lm`)).resolves.toMatchObject({ ok: true, json: { id: 'first' } });
    expect(hits('/lm')).toHaveLength(2);
  });

  it('takes the shorter of ttl and max-age, the default when neither says, and never more than the maximum', async () => {
    routes.set('/short-max-age', { headers: { 'cache-control': 'public, max-age=5' }, body: list({ ttl: 600_000 }) });
    routes.set('/short-ttl', { headers: { 'cache-control': 'max-age=600' }, body: list({ ttl: 5_000 }) });
    routes.set('/neither', { body: list() });
    routes.set('/long', { body: list({ ttl: 10 * 60 * 60_000 }) });
    const c = cache();
    for (const path of ['/short-max-age', '/short-ttl', '/neither', '/long']) await c.fetchJson(`${base}${path}`);
    now += 6_000;
    for (const path of ['/short-max-age', '/short-ttl', '/neither', '/long']) await c.fetchJson(`${base}${path}`);
    expect([hits('/short-max-age').length, hits('/short-ttl').length, hits('/neither').length, hits('/long').length]).toEqual([2, 2, 1, 1]);
    now += 5 * 60_000;
    for (const path of ['/neither', '/long']) await c.fetchJson(`${base}${path}`);
    expect([hits('/neither').length, hits('/long').length]).toEqual([2, 1]);
    now += 60 * 60_000;
    await c.fetchJson(`${base}/long`);
    expect(hits('/long')).toHaveLength(2);
  });

  it('never holds a no-store list, and revalidates a no-cache one on every use', async () => {
    routes.set('/no-store', { headers: { 'cache-control': 'no-store', etag: '"s"' }, body: list({ ttl: 60_000 }) });
    routes.set('/no-cache', {
      headers: { 'cache-control': 'no-cache', etag: '"c"' },
      body: list({ ttl: 60_000 }),
      notModifiedFor: { etag: '"c"' },
    });
    const c = cache();
    for (let i = 0; i < 3; i++) {
      await expect(c.fetchJson(`${base}/no-store`)).resolves.toMatchObject({ ok: true });
      await expect(c.fetchJson(`${base}/no-cache`)).resolves.toMatchObject({ ok: true, json: { ttl: 60_000 } });
    }
    expect(hits('/no-store')).toHaveLength(3);
    expect(hits('/no-store').every((r) => r.ifNoneMatch === undefined)).toBe(true);
    expect(hits('/no-cache').map((r) => r.ifNoneMatch)).toEqual([undefined, '"c"', '"c"']);
  });

  it('does not hold failures, and does not answer a failed revalidation with the stale list', async () => {
    routes.set('/flaky', { status: 503, body: { error: 'down' } });
    const c = cache();
    await expect(c.fetchJson(`${base}/flaky`)).resolves.toMatchObject({ ok: false, error: expect.stringContaining('FETCH_HTTP_STATUS') });
    await expect(c.fetchJson(`${base}/flaky`)).resolves.toMatchObject({ ok: false });
    expect(hits('/flaky')).toHaveLength(2);
    routes.set('/flaky', { headers: { etag: '"ok"' }, body: list({ ttl: 1_000 }) });
    await expect(c.fetchJson(`${base}/flaky`)).resolves.toMatchObject({ ok: true });
    routes.set('/flaky', { status: 500 });
    now += 2_000;
    await expect(c.fetchJson(`${base}/flaky`)).resolves.toMatchObject({ ok: false, error: expect.stringContaining('HTTP 500') });
    await expect(c.fetchJson(`${base}/flaky`)).resolves.toMatchObject({ ok: false });
    expect(hits('/flaky')).toHaveLength(5);
  });

  it('shares one request among concurrent fetches of a URL', async () => {
    routes.set('/burst', { body: list() });
    const c = cache();
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.fetchJson(`${base}/burst`)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(hits('/burst')).toHaveLength(1);
  });

  it('is bounded: the least recently used list goes first, by count and by bytes', async () => {
    for (const p of ['/a', '/b', '/c']) routes.set(p, { body: list({ id: p }) });
    const byCount = cache({ maxEntries: 2 });
    await byCount.fetchJson(`${base}/a`);
    await byCount.fetchJson(`${base}/b`);
    await byCount.fetchJson(`${base}/a`);
    await byCount.fetchJson(`${base}/c`);
    expect(byCount.size).toBe(2);
    await byCount.fetchJson(`${base}/a`);
    await byCount.fetchJson(`${base}/b`);
    expect([hits('/a').length, hits('/b').length]).toEqual([1, 2]);
    const size = Buffer.byteLength(JSON.stringify(list({ id: '/a' })));
    const byBytes = cache({ maxBytes: size * 2 + 1 });
    for (const p of ['/a', '/b', '/c']) await byBytes.fetchJson(`${base}/${p.slice(1)}`);
    expect(byBytes.size).toBe(2);
    const off = cache({ maxEntries: 0 });
    await off.fetchJson(`${base}/c`);
    expect(off.size).toBe(0);
  });
});
