import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '@alliance/catalogue';
import { createReadModelOrm } from '@alliance/event-sourcing';
import { mintToken } from '@alliance/nest-kit';
import { builtMain, runNode, spawnNode } from '../support/spawn-process';

const AUTH = {
  AUTH_JWT_SECRET: 'auditor-e2e-secret-of-at-least-32-characters',
  AUTH_ISSUER: 'alliance-platform',
  AUTH_AUDIENCE: 'alliance-api',
};

interface ReplayReport {
  projection: string;
  identical: boolean;
  events: number;
  tables: { table: string; equal: boolean; liveRows: number; replayRows: number }[];
}

/**
 * What an auditor does with the platform stopped, on the stores it left behind: lists the read models that can
 * be rebuilt, rebuilds the catalogue's from its events and compares it with the live one (identical, then
 * different once a live row is altered behind the platform's back), and replays an institution's stream to
 * an instant before and after its signing keys were registered.
 */
describe('auditor command line on the stores of a stopped embedded platform', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auditor-e2e-'));
  const env = { ...AUTH, DATA_DIR: dataDir, LOG_LEVEL: 'warn', AUDIT_CHECKPOINT_INTERVAL_MS: '0' };
  let institutionId = '';
  let beforeSeed = '';
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = (args: string[]) => runNode(builtMain('cli'), args, env);
  /** Exit code 0, or the whole output in the failure message. */
  const expectSuccess = (run: { code: number | null; output: string }) =>
    expect({ code: run.code, output: run.code === 0 ? '' : run.output }).toEqual({ code: 0, output: '' });

  beforeAll(async () => {
    const basePort = 5200 + Math.floor(Math.random() * 100) * 10;
    const platform = spawnNode(builtMain('platform'), [], { ...env, PLATFORM_BASE_PORT: String(basePort), LOG_LEVEL: 'info' });
    try {
      await platform.waitFor(/"msg":"platform ready"/, 120_000);
      beforeSeed = new Date().toISOString();
      const seeded = await seedDemo({
        baseUrl: `http://127.0.0.1:${basePort}`,
        allianceAdminToken: await mintToken({ subject: 'alice', role: 'alliance-admin' }, AUTH),
        institutionAdminToken: (institution) =>
          mintToken({ subject: `admin@${institution}`, role: 'institution-admin', institution }, AUTH),
        generateKeys: true,
      });
      institutionId = seeded.institutions[0].id;
    } finally {
      platform.child.kill('SIGTERM');
      await platform.exited;
    }
  }, 180_000);

  it('lists every context read model that can be rebuilt', async () => {
    const listed = await cli(['audit', 'replay']);
    expectSuccess(listed);
    const names = (JSON.parse(listed.stdout) as { items: { projection: string }[] }).items.map((i) => i.projection);
    expect(names).toEqual(
      expect.arrayContaining([
        'catalogue.registry',
        'enrolment.enrolments',
        'assessment.results',
        'issuance.credentials',
        'issuance.status-lists',
        'issuance.award-tracks',
      ]),
    );
  }, 60_000);

  it('rebuilds the catalogue read model from its events into fresh tables: identical, until a live row is altered', async () => {
    const intact = await cli(['audit', 'replay', 'catalogue.registry']);
    expectSuccess(intact);
    const report = JSON.parse(intact.stdout) as ReplayReport;
    expect(report.identical).toBe(true);
    expect(report.tables.some((t) => t.liveRows >= 8 && t.equal)).toBe(true);

    const table = report.tables.find((t) => t.liveRows >= 8)!.table;
    const orm = await createReadModelOrm({ kind: 'pglite', dataDir: join(dataDir, 'catalogue', 'read-model') });
    try {
      await orm.em.fork().getConnection().execute(`delete from "${table}" where ctid in (select ctid from "${table}" limit 1)`);
    } finally {
      await orm.close();
    }

    const altered = await cli(['audit', 'replay', 'catalogue.registry']);
    expect(altered.code).toBe(1);
    const difference = (JSON.parse(altered.stdout) as ReplayReport).tables.find((t) => t.table === table)!;
    expect(difference).toMatchObject({ equal: false, liveRows: report.tables.find((t) => t.table === table)!.liveRows - 1 });
  }, 120_000);

  it('stops quietly, with exit code 0, when its reader has gone (`audit events | head -1`)', async () => {
    const all = await cli(['audit', 'events']);
    expectSuccess(all);
    expect(all.stdout.split('\n').length).toBeGreaterThan(10);

    // The reader closes its end before the first line arrives: every write the command makes meets EPIPE.
    const head = spawnNode(builtMain('cli'), ['audit', 'events'], env);
    head.child.stdout!.destroy();
    const { code } = await head.exited;
    expect({ code, epipe: /EPIPE/.test(head.output()) }).toEqual({ code: 0, epipe: false });
  }, 60_000);

  it("replays an institution's stream to an instant: nothing before it was registered, its signing key after", async () => {
    const stream = `catalogue.institution-${institutionId}`;
    const before = await cli(['audit', 'state', stream, '--at', beforeSeed]);
    expectSuccess(before);
    expect(JSON.parse(before.stdout)).toMatchObject({ streamId: stream, revision: -1, eventsApplied: 0, generic: false });

    const after = await cli(['audit', 'state', stream, '--at', new Date().toISOString()]);
    expectSuccess(after);
    const state = JSON.parse(after.stdout) as {
      generic: boolean;
      eventsApplied: number;
      state: { institutionId: string; keys: { keyId: string }[] };
    };
    expect(state.generic).toBe(false);
    expect(state.eventsApplied).toBeGreaterThanOrEqual(2);
    expect(state.state.institutionId).toBe(institutionId);
    expect(state.state.keys).toHaveLength(1);
  }, 60_000);
});
