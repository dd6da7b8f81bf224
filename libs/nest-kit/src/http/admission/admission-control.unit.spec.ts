import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdmissionControl, governed, IN_PROCESS_ADMISSION_HEADER, inProcessAdmissionHeaders } from './admission-control';
import type { PressureSample, PressureSignal } from './event-loop-pressure';

/** The pressure signal, driven by the test (the event-loop monitor itself: event-loop-pressure.unit.spec.ts). */
class DrivenSignal implements PressureSignal {
  private listener?: (sample: PressureSample) => void;
  subscribe(listener: (sample: PressureSample) => void) {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  window(saturated: boolean) {
    this.listener?.({ delayMs: saturated ? 200 : 5, saturated });
  }
}

/** A real HTTP server behind the middleware whose handler answers when the test releases it. */
async function serverWith(control: AdmissionControl) {
  const held: (() => void)[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) =>
    control.middleware(req, res, () => {
      held.push(() => res.end(`answered ${req.url}`));
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(condition()).toBe(true);
  };
  return {
    get: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init),
    releaseNext: () => held.shift()!(),
    held: () => held.length,
    until,
    close: () => new Promise((r) => server.close(r)),
  };
}

const options = { maxInFlight: 4, minInFlight: 1, maxPauseMs: 0, queueLength: 2, queueTimeoutMs: 60_000 };

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

/** A server behind admission control with `options` and `overrides`, its pressure signal driven by the test; closed after the test. */
async function admissionServer(overrides: Partial<typeof options> = {}) {
  const signal = new DrivenSignal();
  const control = new AdmissionControl({ ...options, ...overrides }, signal);
  const s = await serverWith(control);
  opened.push(async () => {
    control.close();
    await s.close();
  });
  return { signal, control, s };
}

describe('admission control (real HTTP server; the pressure signal driven by the test)', () => {
  it('governs reads and anonymous requests, never health probes nor authenticated commands', () => {
    const req = (method: string, url: string, authorization?: string) =>
      ({ method, url, headers: authorization ? { authorization } : {} }) as IncomingMessage;
    expect(governed(req('GET', '/status-lists/x'))).toBe(true);
    expect(governed(req('GET', '/credentials', 'Bearer t'))).toBe(true);
    expect(governed(req('POST', '/verifications'))).toBe(true);
    expect(governed(req('POST', '/assessment-results/batches', 'Bearer t'))).toBe(false);
    expect(governed(req('GET', '/health/ready'))).toBe(false);
    expect(governed(req('GET', '/health/live'))).toBe(false);
  });

  it('does not hold back a second time a call another service of this process admitted; a pass it did not draw counts for nothing', () => {
    const req = (headers: Record<string, string>) => ({ method: 'GET', url: '/status-lists/x', headers }) as unknown as IncomingMessage;
    expect(governed(req(inProcessAdmissionHeaders()))).toBe(false);
    const forged = inProcessAdmissionHeaders()[IN_PROCESS_ADMISSION_HEADER]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(governed(req({ [IN_PROCESS_ADMISSION_HEADER]: forged }))).toBe(true);
    expect(governed(req({ [IN_PROCESS_ADMISSION_HEADER]: 'x' }))).toBe(true);
  });

  it('lets reads through up to the limit while calm; once saturated halves it down to the floor and queues the rest, first come first served', async () => {
    const { signal, control, s } = await admissionServer();
    signal.window(true); // 4 -> 2
    signal.window(true); // 2 -> 1
    expect(control.state().limit).toBe(1);
    const first = s.get('/a');
    await s.until(() => s.held() === 1);
    const second = s.get('/b');
    const third = s.get('/c');
    await s.until(() => control.state().waiting === 2);
    expect(s.held()).toBe(1);
    s.releaseNext();
    expect(await (await first).text()).toBe('answered /a');
    await s.until(() => s.held() === 1);
    s.releaseNext();
    expect(await (await second).text()).toBe('answered /b');
    await s.until(() => s.held() === 1);
    s.releaseNext();
    expect(await (await third).text()).toBe('answered /c');
    // Commands of staff are never held back.
    const command = s.get('/batches', { method: 'POST', headers: { authorization: 'Bearer t' } });
    await s.until(() => s.held() === 1);
    expect(control.state()).toMatchObject({ inFlight: 0, waiting: 0 });
    s.releaseNext();
    await command;
  });

  it('answers 503 problem+json service.overloaded with Retry-After when the queue is full, and grows the limit back by one per calm window', async () => {
    const { signal, control, s } = await admissionServer();
    signal.window(true);
    signal.window(true);
    const admitted = s.get('/a');
    await s.until(() => s.held() === 1);
    const queued = [s.get('/b'), s.get('/c')];
    await s.until(() => control.state().waiting === 2);
    const refused = await s.get('/d', { headers: { 'x-request-id': 'req-7' } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({
      status: 503,
      code: 'service.overloaded',
      type: expect.stringMatching(/service\.overloaded$/),
      correlationId: 'req-7',
    });

    signal.window(false); // 1 -> 2: one queued request admitted at once
    expect(control.state()).toMatchObject({ limit: 2, inFlight: 2, waiting: 1 });
    signal.window(false); // 2 -> 3
    expect(control.state()).toMatchObject({ limit: 3, inFlight: 3, waiting: 0 });
    for (let i = 0; i < 4; i++) signal.window(false);
    expect(control.state().limit).toBe(4);
    await s.until(() => s.held() === 3);
    for (let i = 0; i < 3; i++) s.releaseNext();
    expect((await Promise.all([admitted, ...queued])).map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('lets the routes waiting take turns, first come first served within each route', async () => {
    const { control, s } = await admissionServer({ maxInFlight: 1, queueLength: 8 });
    const answered: string[] = [];
    const first = s.get('/credentials?limit=1');
    await s.until(() => s.held() === 1);
    const waiting = ['/credentials/1', '/credentials/2', '/credentials/3', '/status-lists/a', '/status-lists/b'].map((path) =>
      s
        .get(path)
        .then((r) => r.text())
        .then((t) => answered.push(t)),
    );
    await s.until(() => control.state().waiting === 5);
    for (let i = 0; i < 6; i++) {
      await s.until(() => s.held() === 1);
      s.releaseNext();
    }
    await Promise.all([first, ...waiting]);
    expect(answered).toEqual(
      ['/credentials/1', '/status-lists/a', '/credentials/2', '/status-lists/b', '/credentials/3'].map((p) => `answered ${p}`),
    );
  });

  it('answers 503 to a request that waited longer than the queue timeout, and forgets one whose client went away', async () => {
    const { control, s } = await admissionServer({ maxInFlight: 1, queueTimeoutMs: 100 });
    const admitted = s.get('/a');
    await s.until(() => s.held() === 1);
    const waited = await s.get('/b');
    expect(waited.status).toBe(503);
    expect(((await waited.json()) as { detail: string }).detail).toMatch(/no place within 100 ms/);

    const abort = new AbortController();
    const gone = s.get('/c', { signal: abort.signal }).catch((e: Error) => e.name);
    await s.until(() => control.state().waiting === 1);
    abort.abort();
    expect(await gone).toBe('AbortError');
    await s.until(() => control.state().waiting === 0);
    s.releaseNext();
    expect((await admitted).status).toBe(200);
    expect(control.state()).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('paces admissions at the floor while the process stays saturated, and undoes the pause before the limit grows back', async () => {
    const { signal, control, s } = await admissionServer({ maxPauseMs: 100 });
    for (let i = 0; i < 8; i++) signal.window(true); // 4 -> 2 -> 1, then 5, 20, 80, 100 ms
    expect(control.state()).toMatchObject({ limit: 1, pauseMs: 100 });
    const first = s.get('/a');
    await s.until(() => s.held() === 1);
    const admittedFirst = Date.now();
    s.releaseNext();
    await first;
    const second = s.get('/b');
    await s.until(() => s.held() === 1);
    expect(Date.now() - admittedFirst).toBeGreaterThanOrEqual(90);
    s.releaseNext();
    expect((await second).status).toBe(200);

    signal.window(false);
    expect(control.state()).toMatchObject({ limit: 1, pauseMs: 50 });
    for (let i = 0; i < 4; i++) signal.window(false); // 25, 12.5, 6.25, 0
    expect(control.state()).toMatchObject({ limit: 1, pauseMs: 0 });
    signal.window(false);
    expect(control.state()).toMatchObject({ limit: 2, pauseMs: 0 });
  });
});
