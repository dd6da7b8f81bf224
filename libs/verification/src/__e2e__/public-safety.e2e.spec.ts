import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { encodeMultibaseBase64url, type JsonObject } from '@alliance/credentials';
import { perSuite, postVerification, startWithMembers } from './alliance-verification';
import { startStatusServer, startVerification, type VerificationApp } from './verification-app';

type Check = { id: string; outcome: string; problems?: { code: string; message: string }[]; summary?: string };
type Report = { verdict: string; checks: Check[] };

/** A web server on 127.0.0.1 that records every request it gets. */
async function startProbeTarget(): Promise<{ port: number; url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { port, url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

const withStatusList = (credential: JsonObject, url: string): JsonObject => ({
  ...credential,
  credentialStatus: { ...(credential.credentialStatus as JsonObject), statusListCredential: url },
});
const statusOf = (report: Report) => report.checks.find((c) => c.id === 'status')!;

describe('POST /verifications fetches only public addresses and says why it could not, without network detail', () => {
  const safety = perSuite(async () => {
    const target = await startProbeTarget();
    return { ...(await startWithMembers({ fixture: { suffix: '-safety' }, beside: target })), target };
  });
  const verify = (body: unknown) => postVerification<Report>(safety.v, body);

  it('does not fetch a status list on a loopback address, named literally or as localhost', async () => {
    for (const url of [
      `${safety.target.url}/status/1`,
      `https://127.0.0.1:${safety.target.port}/status/1`,
      `https://localhost:${safety.target.port}/status/1`,
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      const status = statusOf(await verify(withStatusList(safety.f.credential, url)));
      expect(status).toMatchObject({
        outcome: 'could-not-check',
        problems: [{ code: 'STATUS_RETRIEVAL_ERROR', message: expect.stringContaining('[FETCH_BLOCKED_ADDRESS]') }],
      });
    }
    expect(safety.target.hits).toEqual([]);
  });

  it('does not fetch a did:web document from a loopback host', async () => {
    const issuer = `did:web:localhost%3A${safety.target.port}`;
    const report = await verify({
      ...safety.f.credential,
      issuer: { id: issuer, type: ['Profile'], name: 'Local' },
      proof: [{ ...(safety.f.credential.proof as JsonObject[])[0], verificationMethod: `${issuer}#key-1` }],
    });
    expect(JSON.stringify(report.checks.find((c) => c.id === 'proofs'))).toContain('FETCH_BLOCKED_ADDRESS');
    expect(safety.target.hits).toEqual([]);
  });

  it('a refused port and a server answering 404 look the same from outside', async () => {
    const refused = statusOf(await verify(withStatusList(safety.f.credential, `https://127.0.0.1:${await closedPort()}/status/1`)));
    const notFound = statusOf(await verify(withStatusList(safety.f.credential, `https://127.0.0.1:${safety.target.port}/status/1`)));
    const text = (c: Check) => c.problems![0].message.replace(/the status list \S+ /, '');
    expect(text(refused)).toBe(text(notFound));
    for (const c of [refused, notFound]) expect(JSON.stringify(c)).not.toMatch(/ECONNREFUSED|connect /);
  });
});

describe('POST /verifications with an allow-listed status list host', () => {
  const allowed = perSuite(async () => {
    const status = await startStatusServer();
    const env = { VERIFICATION_FETCH_ALLOW_HTTP_HOSTS: new URL(status.url).host };
    return { ...(await startWithMembers({ env, fixture: { suffix: '-allowed' }, beside: status })), status };
  });
  const verify = (body: unknown) => postVerification<Report>(allowed.v, body);

  it('reads the list from the allow-listed host, and refuses a list that inflates beyond 16 MiB without crashing', async () => {
    allowed.status.serve('/status/ok', await allowed.f.statusList(0));
    expect(statusOf(await verify(withStatusList(allowed.f.credential, `${allowed.status.url}/status/ok`)))).toMatchObject({
      outcome: 'passed',
    });
    const list = await allowed.f.statusList(0);
    const bomb = encodeMultibaseBase64url(gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }));
    allowed.status.serve('/status/bomb', { ...list, credentialSubject: { ...(list.credentialSubject as JsonObject), encodedList: bomb } });
    const refused = statusOf(await verify(withStatusList(allowed.f.credential, `${allowed.status.url}/status/bomb`)));
    expect(refused).toMatchObject({
      outcome: 'could-not-check',
      problems: [{ code: 'STATUS_RETRIEVAL_ERROR', message: expect.stringContaining('[FETCH_TOO_LARGE]') }],
    });
    await allowed.v.http().get('/health/live').expect(200);
  });

  it('still refuses hosts that are not on the list', async () => {
    const port = Number(new URL(allowed.status.url).port);
    expect(statusOf(await verify(withStatusList(allowed.f.credential, `https://localhost:${port}/status/ok`)))).toMatchObject({
      problems: [{ message: expect.stringContaining('[FETCH_BLOCKED_ADDRESS]') }],
    });
  });
});

describe('POST /verifications limits', () => {
  let v: VerificationApp;

  beforeAll(async () => {
    v = await startVerification({ PUBLIC_RATE_LIMIT_PER_MINUTE: '4' });
  }, 60_000);
  afterAll(() => v?.close());

  it('answers a body over 1 MiB with 413 problem+json', async () => {
    const res = await v
      .http()
      .post('/verifications')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ credential: { name: 'x'.repeat(1100 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('answers 429 problem+json once a client exceeds PUBLIC_RATE_LIMIT_PER_MINUTE', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ReturnType<VerificationApp['http']>['post']>> | undefined;
    for (let i = 0; i < 6; i++) {
      last = await v
        .http()
        .post('/verifications')
        .send({ credential: { '@context': ['https://www.w3.org/ns/credentials/v2'] } });
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.slice(-1)).toEqual([429]);
    expect(last!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last!.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(last!.text)).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});
