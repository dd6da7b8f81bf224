import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { BitstringStatusList, encodeMultibaseBase64url } from '@alliance/credentials';
import { HostAllowList, isPublicAddress } from './address-policy';
import { HttpWebFetcher } from './http-web-fetcher';
import { StatusListFetcher } from './status-list-fetcher';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: Handler): Promise<{ server: Server; port: number; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, port, url: `http://127.0.0.1:${port}` };
}

async function closedPort(): Promise<number> {
  const { server, port } = await listen(() => undefined);
  await new Promise((r) => server.close(r));
  return port;
}

const silent = { warn: jest.fn() };
const fetcher = (options: Partial<ConstructorParameters<typeof HttpWebFetcher>[0]> = {}) =>
  new HttpWebFetcher({ timeoutMs: 1500, logger: silent, ...options });
const allow = (...hosts: string[]) => new HostAllowList(hosts);

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['64:ff9b::a00:1', false],
    ['not-an-address', false],
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::808:808', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('HttpWebFetcher over real sockets', () => {
  const hits: string[] = [];
  let local: Awaited<ReturnType<typeof listen>>;
  let second: Awaited<ReturnType<typeof listen>>;
  const big = Buffer.alloc(3 * 1024 * 1024, 0x20);

  beforeAll(async () => {
    local = await listen((req, res) => {
      hits.push(req.url ?? '');
      const url = req.url ?? '';
      if (url === '/doc') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ hello: 'world' }));
      if (url.startsWith('/redirect-to/'))
        return void res.writeHead(302, { location: decodeURIComponent(url.slice('/redirect-to/'.length)) }).end();
      if (url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (url === '/big') return void res.writeHead(200, { 'content-type': 'application/json' }).end(big);
      if (url === '/big-chunked') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(big);
      }
      if (url === '/gzip-bomb')
        return void res
          .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));
      if (url === '/gzip')
        return void res
          .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
          .end(gzipSync(JSON.stringify({ zipped: true })));
      if (url === '/hang') return;
      res.writeHead(404).end('not here');
    });
    second = await listen(
      (req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ second: true })),
    );
  });
  afterAll(async () => {
    local.server.closeAllConnections();
    await new Promise((r) => local.server.close(r));
    await new Promise((r) => second.server.close(r));
  });

  it('never connects to a loopback address named literally unless the host is allow-listed', async () => {
    hits.length = 0;
    const refused = await fetcher().fetchJson(`https://127.0.0.1:${local.port}/doc`);
    expect(refused).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
    expect(await fetcher().fetchJson(`https://[::1]:${local.port}/doc`)).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
    expect(await fetcher().fetchJson(`https://[::ffff:127.0.0.1]:${local.port}/doc`)).toMatchObject({
      ok: false,
      code: 'FETCH_BLOCKED_ADDRESS',
    });
    expect(hits).toEqual([]);
    expect(await fetcher({ allowHosts: allow(`127.0.0.1:${local.port}`) }).fetchJson(`${local.url}/doc`)).toEqual({
      ok: true,
      url: `${local.url}/doc`,
      json: { hello: 'world' },
    });
    expect(hits).toEqual(['/doc']);
  });

  it('checks the address a name resolves to: localhost is blocked too', async () => {
    hits.length = 0;
    expect(await fetcher().fetchJson(`https://localhost:${local.port}/doc`)).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
    expect(hits).toEqual([]);
    expect(await fetcher({ allowHosts: allow('localhost') }).fetchJson(`http://localhost:${local.port}/doc`)).toMatchObject({
      ok: true,
      json: { hello: 'world' },
    });
  });

  it('fetches plain http only from allow-listed hosts', async () => {
    expect(await fetcher().fetchJson('http://example.com/status/1')).toMatchObject({
      ok: false,
      code: 'FETCH_NOT_HTTPS',
      error: 'only https addresses are fetched [FETCH_NOT_HTTPS]',
    });
    expect(await fetcher().fetchJson('ftp://example.com/status/1')).toMatchObject({ ok: false, code: 'FETCH_NOT_HTTPS' });
    expect(await fetcher({ allowHosts: allow(`127.0.0.1:${local.port + 1}`) }).fetchJson(`${local.url}/doc`)).toMatchObject({
      ok: false,
      code: 'FETCH_BLOCKED_ADDRESS',
    });
  });

  it('applies the same checks to every redirect: an allowed host cannot send the fetcher to a private one', async () => {
    const onlyFirst = fetcher({ allowHosts: allow(`127.0.0.1:${local.port}`) });
    const to = (target: string) => `${local.url}/redirect-to/${encodeURIComponent(target)}`;
    expect(await onlyFirst.fetchJson(to('/doc'))).toMatchObject({ ok: true, json: { hello: 'world' } });
    expect(await onlyFirst.fetchJson(to(`${second.url}/`))).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
    expect(await onlyFirst.fetchJson(to(`https://localhost:${second.port}/`))).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
    expect(await onlyFirst.fetchJson(to('http://169.254.169.254/latest/meta-data/'))).toMatchObject({
      ok: false,
      code: 'FETCH_BLOCKED_ADDRESS',
    });
    expect(await fetcher({ allowHosts: allow('127.0.0.1') }).fetchJson(to(`${second.url}/`))).toMatchObject({
      ok: true,
      json: { second: true },
    });
    expect(await onlyFirst.fetchJson(`${local.url}/loop`)).toMatchObject({ ok: false, code: 'FETCH_TOO_MANY_REDIRECTS' });
  });

  it('a refused port and a name that does not resolve look the same from outside, and no address, port or errno leaks', async () => {
    const port = await closedPort();
    const trusting = fetcher({ allowHosts: allow('127.0.0.1', 'no-such-host.invalid') });
    const refused = await trusting.fetchJson(`http://127.0.0.1:${port}/status`);
    const unresolvable = await trusting.fetchJson('http://no-such-host.invalid/status');
    expect(refused).toMatchObject({ ok: false, code: 'FETCH_UNREACHABLE', error: 'unreachable [FETCH_UNREACHABLE]' });
    expect(unresolvable).toMatchObject({ ok: false, code: 'FETCH_UNREACHABLE', error: 'unreachable [FETCH_UNREACHABLE]' });
    // Without the allow-list a refused port and a server answering 404 on a private address are indistinguishable.
    const closed = await fetcher().fetchJson(`https://127.0.0.1:${port}/status`);
    const notFound = await fetcher().fetchJson(`https://127.0.0.1:${local.port}/missing`);
    expect(closed.ok === false && closed.error).toBe(notFound.ok === false && notFound.error);
    for (const answer of [refused, unresolvable, closed, notFound]) {
      const text = answer.ok ? '' : answer.error;
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|ENOTFOUND|connect|\d{4,5}/);
    }
    expect(silent.warn).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'FETCH_UNREACHABLE', detail: expect.stringContaining('ECONNREFUSED') }),
    );
  });

  it('reports an error status with its code', async () => {
    expect(await fetcher({ allowHosts: allow('127.0.0.1') }).fetchJson(`${local.url}/missing`)).toMatchObject({
      ok: false,
      code: 'FETCH_HTTP_STATUS',
      error: 'the server answered with an error status (HTTP 404) [FETCH_HTTP_STATUS]',
    });
  });

  it('gives up on a host that does not answer in time', async () => {
    const started = Date.now();
    expect(await fetcher({ timeoutMs: 300, allowHosts: allow('127.0.0.1') }).fetchJson(`${local.url}/hang`)).toMatchObject({
      ok: false,
      code: 'FETCH_TIMEOUT',
      error: 'no answer in time [FETCH_TIMEOUT]',
    });
    expect(
      await fetcher({ timeoutMs: 5000, connectTimeoutMs: 200, allowHosts: allow('127.0.0.1') }).fetchJson(`${local.url}/hang`),
    ).toMatchObject({ ok: false, code: 'FETCH_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('caps the body as sent and as decoded', async () => {
    const trusting = fetcher({ allowHosts: allow('127.0.0.1') });
    expect(await trusting.fetchJson(`${local.url}/big`)).toMatchObject({ ok: false, code: 'FETCH_TOO_LARGE' });
    expect(await trusting.fetchJson(`${local.url}/gzip-bomb`)).toMatchObject({ ok: false, code: 'FETCH_TOO_LARGE' });
    expect(await trusting.fetchJson(`${local.url}/gzip`)).toMatchObject({ ok: true, json: { zipped: true } });
  });

  it('trusts the rewrite target only for the URLs rewritten to it', async () => {
    const rewriting = fetcher({ rewrite: { from: 'https://issuance.alliance.example', to: local.url } });
    expect(await rewriting.fetchJson('https://issuance.alliance.example/doc')).toMatchObject({
      ok: true,
      url: 'https://issuance.alliance.example/doc',
      json: { hello: 'world' },
    });
    expect(await rewriting.fetchJson(`${local.url}/doc`)).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
    expect(await rewriting.fetchJson(`http://localhost:${local.port}/doc`)).toMatchObject({ ok: false, code: 'FETCH_NOT_HTTPS' });
    expect(await rewriting.fetchJson(`https://127.0.0.1:${local.port}/doc`)).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
  });

  it("trusts the embedded platform's own issuance address when it is configured as its own internal address, and nothing else on loopback", async () => {
    const own = fetcher({ rewrite: { from: `${local.url}/status-lists/`, to: `${local.url}/status-lists/` } });
    expect(await own.fetchJson(`${local.url}/status-lists/doc`)).toMatchObject({ ok: false, code: 'FETCH_HTTP_STATUS' });
    expect(await own.fetchJson(`${local.url}/doc`)).toMatchObject({ ok: false, code: 'FETCH_BLOCKED_ADDRESS' });
  });
});

describe('StatusListFetcher', () => {
  const listCredential = (encodedList: string) => ({
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    credentialSubject: { type: 'BitstringStatusList', encodedList },
  });
  const serving = (json: unknown) => ({ fetchJson: async (url: string) => ({ ok: true as const, url, json }) });

  it('refuses a list that inflates beyond the cap, without inflating it all', async () => {
    const bomb = encodeMultibaseBase64url(gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(128 * 1024);
    const lists = new StatusListFetcher(serving(listCredential(bomb)), { maxDecompressedBytes: 16 * 1024 * 1024, logger: silent });
    expect(await lists.fetchJson('https://issuer.example/status/1')).toEqual({
      ok: false,
      url: 'https://issuer.example/status/1',
      code: 'FETCH_TOO_LARGE',
      error: 'too large [FETCH_TOO_LARGE]',
    });
  });

  it('passes an ordinary list, a malformed one and a failure on unchanged', async () => {
    const fine = listCredential(new BitstringStatusList().encode());
    expect(await new StatusListFetcher(serving(fine), { maxDecompressedBytes: 16 * 1024 * 1024 }).fetchJson('https://i.example/s')).toEqual(
      { ok: true, url: 'https://i.example/s', json: fine },
    );
    const malformed = listCredential('not-base64');
    expect(await new StatusListFetcher(serving(malformed), { maxDecompressedBytes: 1024 }).fetchJson('https://i.example/s')).toMatchObject({
      ok: true,
      json: malformed,
    });
    const failing = { fetchJson: async (url: string) => ({ ok: false as const, url, error: 'unreachable [FETCH_UNREACHABLE]' }) };
    expect(await new StatusListFetcher(failing, { maxDecompressedBytes: 1024 }).fetchJson('https://i.example/s')).toEqual({
      ok: false,
      url: 'https://i.example/s',
      error: 'unreachable [FETCH_UNREACHABLE]',
    });
  });
});
