import { generateEd25519KeyPair } from '../keys/ed25519';
import { startDidWebServer, type DidWebTestServer } from '../testing/did-web-test-server';
import { createTestTls, type TestTls } from '../testing/test-tls';
import { startTrustingDidWebResolver, type TrustingDidWebResolver } from '../testing/trusting-did-web-resolver';
import { buildDidWebDocument, didWebToUrl } from './did-web';
import { DidWebHttpsResolver } from './did-web-https-resolver';
import { DidWebResolutionError } from './did-web-resolution';

describe('did:web to URL, as the did:web method specifies', () => {
  it.each([
    ['did:web:example.com', 'https://example.com/.well-known/did.json'],
    ['did:web:example.com:path:to', 'https://example.com/path/to/did.json'],
    ['did:web:example.com%3A8443', 'https://example.com:8443/.well-known/did.json'],
    ['did:web:localhost%3A3000:uni:aau', 'https://localhost:3000/uni/aau/did.json'],
  ])('%s is read from %s', (did, url) => {
    expect(didWebToUrl(did)).toBe(url);
  });

  it('refuses what is not a did:web before fetching anything', async () => {
    const resolver = new DidWebHttpsResolver();
    await expect(resolver.resolve('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).rejects.toMatchObject({
      name: 'DidWebResolutionError',
      code: 'INVALID_DID',
    });
    await expect(resolver.resolve('did:web:exa mple.com')).rejects.toMatchObject({ code: 'INVALID_DID' });
  });
});

describe('DidWebHttpsResolver over real HTTPS (test CA trusted through NODE_EXTRA_CA_CERTS in a child process)', () => {
  let tls: TestTls;
  let server: DidWebTestServer;
  let untrusted: DidWebTestServer;
  let resolver: TrustingDidWebResolver;
  let impatient: TrustingDidWebResolver;
  const key = generateEd25519KeyPair();

  beforeAll(async () => {
    tls = createTestTls();
    server = await startDidWebServer(tls.server);
    untrusted = await startDidWebServer(tls.selfSigned);
    resolver = await startTrustingDidWebResolver(tls.caFile, { allowHosts: ['localhost'] });
    impatient = await startTrustingDidWebResolver(tls.caFile, { timeoutMs: 300, maxBytes: 4096, allowHosts: ['localhost'] });
  }, 60_000);
  afterAll(async () => {
    await resolver?.close();
    await impatient?.close();
    await server?.close();
    await untrusted?.close();
    tls?.remove();
  });

  const documentOf = (did: string) => buildDidWebDocument(did, [{ id: `${did}#key-1`, publicKeyMultibase: key.publicKeyMultibase }]);

  it('reads a host-only did:web from /.well-known/did.json and a did:web with a path from <path>/did.json', async () => {
    const root = server.did();
    const nested = server.did('uni', 'aau');
    server.publish(documentOf(root));
    server.publish(documentOf(nested));
    await expect(resolver.resolve(root)).resolves.toMatchObject({
      did: root,
      url: `https://${server.host}/.well-known/did.json`,
      document: { id: root },
    });
    const resolved = await resolver.resolve(nested);
    expect(resolved).toMatchObject({ url: `https://${server.host}/uni/aau/did.json`, document: documentOf(nested) });
    expect(Date.parse(resolved.resolvedAt)).not.toBeNaN();
  });

  it('refuses a document whose id is another DID', async () => {
    const did = server.did('impostor');
    server.serve('/impostor/did.json', { body: JSON.stringify(documentOf(server.did('someone-else'))) });
    await expect(resolver.resolve(did)).rejects.toMatchObject({ code: 'ID_MISMATCH', message: expect.stringContaining(did) });
  });

  it('stops reading past the size cap, whether the length is declared or the body is chunked', async () => {
    const did = server.did('large');
    const big = JSON.stringify({ ...documentOf(did), padding: 'x'.repeat(8192) });
    server.serve('/large/did.json', { body: big });
    await expect(impatient.resolve(did)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    server.serve('/large/did.json', { body: big, chunked: true });
    await expect(impatient.resolve(did)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    server.serve('/large/did.json', { body: JSON.stringify({ ...documentOf(did), padding: 'x'.repeat(300 * 1024) }), chunked: true });
    await expect(resolver.resolve(did)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('262144 bytes') });
  });

  it('wants JSON: refuses another media type and a body that does not parse', async () => {
    const did = server.did('html');
    server.serve('/html/did.json', { contentType: 'text/html', body: JSON.stringify(documentOf(did)) });
    await expect(resolver.resolve(did)).rejects.toMatchObject({ code: 'NOT_JSON', message: expect.stringContaining('text/html') });
    server.serve('/html/did.json', { contentType: 'application/json', body: '{"id": ' });
    await expect(resolver.resolve(did)).rejects.toMatchObject({ code: 'NOT_JSON' });
    server.serve('/html/did.json', { contentType: 'application/json', body: '[]' });
    await expect(resolver.resolve(did)).rejects.toMatchObject({ code: 'NOT_JSON' });
    server.serve('/html/did.json', { contentType: 'application/did+ld+json; charset=utf-8', body: JSON.stringify(documentOf(did)) });
    await expect(resolver.resolve(did)).resolves.toMatchObject({ document: { id: did } });
  });

  it('reports the HTTP status of a document that is not there', async () => {
    await expect(resolver.resolve(server.did('nobody'))).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('follows an https redirect but refuses to be sent to http', async () => {
    const did = server.did('moved');
    server.publish(documentOf(server.did('new-home')));
    server.serve('/moved/did.json', { status: 302, headers: { location: '/new-home/did.json' } });
    await expect(resolver.resolve(did)).rejects.toMatchObject({ code: 'ID_MISMATCH' });
    server.serve('/new-home/did.json', { body: JSON.stringify(documentOf(did)) });
    await expect(resolver.resolve(did)).resolves.toMatchObject({ url: `https://${server.host}/new-home/did.json` });
    server.serve('/moved/did.json', { status: 301, headers: { location: `http://${server.host}/new-home/did.json` } });
    await expect(resolver.resolve(did)).rejects.toMatchObject({
      code: 'NOT_HTTPS',
      message: expect.stringMatching(/https only, never http/),
    });
  });

  it('gives up after its deadline', async () => {
    const did = server.did('slow');
    server.serve('/slow/did.json', { body: JSON.stringify(documentOf(did)), delayMs: 1500 });
    await expect(impatient.resolve(did)).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('300 ms') });
  });

  it('refuses a server whose certificate no trusted CA issued, and one nobody listens on', async () => {
    const did = `did:web:localhost%3A${untrusted.host.split(':')[1]}`;
    untrusted.publish(documentOf(did));
    await expect(resolver.resolve(did)).rejects.toMatchObject({
      code: 'TLS_FAILED',
      message: expect.stringMatching(/self-signed|SELF_SIGNED/i),
    });
    expect(untrusted.requests).toEqual([]);
    await expect(resolver.resolve('did:web:localhost%3A1')).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });

  it('in a process that does not trust the test CA, even its properly issued certificate fails: nothing turns checks off', async () => {
    const did = server.did('uni', 'aau');
    const error = await new DidWebHttpsResolver({ allowHosts: ['localhost'] }).resolve(did).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DidWebResolutionError);
    expect(error).toMatchObject({ code: 'TLS_FAILED', url: `https://${server.host}/uni/aau/did.json` });
  });

  it('by default refuses a host that resolves to a loopback address, before sending anything, with a stable code', async () => {
    const did = server.did('guarded');
    server.publish(documentOf(did));
    const before = server.requests.length;
    const error = await new DidWebHttpsResolver().resolve(did).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DidWebResolutionError);
    expect(error).toMatchObject({
      code: 'BLOCKED_ADDRESS',
      url: `https://${server.host}/guarded/did.json`,
      detail: expect.stringContaining('127.0.0.1'),
    });
    expect((error as Error).message).not.toMatch(/127\.0\.0\.1|::1/);
    const strict = await startTrustingDidWebResolver(tls.caFile, { allowHosts: [] });
    try {
      await expect(strict.resolve(did)).rejects.toMatchObject({ code: 'BLOCKED_ADDRESS' });
      await expect(strict.resolve(`did:web:127.0.0.1%3A${server.host.split(':')[1]}:guarded`)).rejects.toMatchObject({
        code: 'BLOCKED_ADDRESS',
      });
    } finally {
      await strict.close();
    }
    expect(server.requests.length).toBe(before);
    await expect(resolver.resolve(did)).resolves.toMatchObject({ document: { id: did } });
  });

  it('an allow-listed host with another port, or another host, is still guarded', async () => {
    const did = server.did('other-port');
    server.publish(documentOf(did));
    const error = await new DidWebHttpsResolver({ allowHosts: ['localhost:1'] }).resolve(did).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    const custom = await new DidWebHttpsResolver({ addressPolicy: () => false, allowHosts: ['example.org'] })
      .resolve(did)
      .catch((e: unknown) => e);
    expect(custom).toMatchObject({ code: 'BLOCKED_ADDRESS' });
  });

  it('keeps system error text out of the message: it is in the detail, for the log', async () => {
    const error = await resolver.resolve('did:web:localhost%3A1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNREACHABLE' });
    expect((error as Error).message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|::1/);
  });
});
