import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtMain, spawnNode } from '../support/spawn-process';
import { randomBasePort } from '../support/base-port';

const SERVICES = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit'];

describe('platform executable on the embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts every service, prints their URLs when ready, answers health and problem+json, and stops cleanly on SIGTERM', async () => {
    const basePort = randomBasePort(3400, 200);
    const platform = spawnNode(builtMain('platform'), [], { DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(basePort), LOG_LEVEL: 'info' });
    try {
      await platform.waitFor(/"msg":"platform ready"/, 90_000);
      for (const [i, service] of SERVICES.entries()) {
        const url = `http://127.0.0.1:${basePort + i}`;
        expect(platform.output()).toContain(url);
        const ready = await fetch(`${url}/health/ready`);
        const body = (await ready.json()) as { status: string; service: string; checks: Record<string, { status: string }> };
        expect({ service, status: ready.status, body: body.status }).toEqual({ service, status: 200, body: 'ok' });
        expect(body.service).toBe(service);
        expect(body.checks['eventStore']?.status).toBe('up');
        expect(body.checks['bus']?.status).toBe('up');
        const missing = await fetch(`${url}/no-such-route-${service}`);
        expect(missing.status).toBe(404);
        expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      // One process, six services: each request's log line names the service that answered it, once.
      await platform.waitFor(/no-such-route-audit.*request completed|request completed.*no-such-route-audit/, 10_000);
      for (const service of SERVICES) {
        const line = platform
          .output()
          .split('\n')
          .find((l) => l.includes(`/no-such-route-${service}`) && l.includes('request completed'));
        expect({ service, line: line !== undefined }).toEqual({ service, line: true });
        expect({ service, keys: line!.match(/"service":/g)?.length, named: (JSON.parse(line!) as { service: string }).service }).toEqual({
          service,
          keys: 1,
          named: service,
        });
      }
      const listening = platform
        .output()
        .split('\n')
        .filter((l) => l.includes('"msg":"service listening"'));
      expect(
        listening.map((l) => ({ keys: l.match(/"service":/g)?.length, named: (JSON.parse(l) as { service: string }).service })),
      ).toEqual(SERVICES.map((named) => ({ keys: 1, named })));
    } finally {
      platform.child.kill('SIGTERM');
    }
    const { code } = await platform.exited;
    expect(code).toBe(0);
    expect(platform.output()).toContain('"msg":"shutting down"');
  }, 120_000);
});

describe('a service started with an invalid configuration value', () => {
  it.each([
    ['PORT', 'eighty'],
    ['EVENT_STORE', 'mongodb'],
    ['KAFKA_BROKERS', 'not a broker list'],
  ])('exits non-zero and names %s', async (variable, value) => {
    const proc = spawnNode(builtMain('catalogue'), [], { [variable]: value, BUS: variable === 'KAFKA_BROKERS' ? 'kafka' : 'in-process' });
    const { code } = await proc.exited;
    expect(code).toBe(2);
    expect(proc.output()).toContain(variable);
    expect(proc.output()).toContain('Invalid configuration for catalogue');
  });
});
