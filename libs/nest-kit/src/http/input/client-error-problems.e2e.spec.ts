import { connect } from 'node:net';
import { InputProbeController } from '../../__fixtures__/input-probe.controller';
import { probeApp } from '../../__fixtures__/probe-app';

/** Requests Node's HTTP parser refuses before Express runs, answered like every other refusal. */
describe('requests the HTTP parser refuses', () => {
  const { app } = probeApp([InputProbeController], { PUBLIC_RATE_LIMIT_PER_MINUTE: '0' });
  let base: string;

  beforeAll(async () => {
    await app().listen(0, '127.0.0.1');
    const address = app().getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });

  it('answers a query string over the header limit with a 431 problem naming the headers', async () => {
    const res = await fetch(`${base}/input/items?learner=${'x'.repeat(100_001)}`);
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status: 431, type: 'application/problem+json' });
    expect(await res.json()).toMatchObject({ status: 431, code: 'request-header-fields-too-large', errors: [{ field: 'headers' }] });
    // The server is still there for the next caller.
    expect((await fetch(`${base}/input/items`)).status).toBe(200);
  });

  it('answers bytes that are not HTTP with a 400 problem', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(base);
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /input/items HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(raw).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      code: 'malformed-request',
      errors: [{ field: 'request' }],
    });
  });
});
