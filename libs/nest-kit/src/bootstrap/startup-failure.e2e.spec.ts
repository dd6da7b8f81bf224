import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../../..');
const NOBODY = 65534;

/** Runs the catalogue service from its sources as an operator would start it; resolves with its exit code and output. */
function startCatalogue(env: Record<string, string>, asUser?: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['-r', join(REPO, 'libs/event-sourcing/src/testing/swc-register.cjs'), join(REPO, 'apps/catalogue/src/main.ts')],
    {
      cwd: REPO,
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', BUS: 'in-process', EVENT_STORE: 'embedded', READ_MODEL: 'pglite', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asUser !== undefined ? { uid: asUser, gid: asUser } : {}),
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    }),
  );
}

/** The fatal lines the process printed, parsed. */
const fatalLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.includes('"fatal"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a service that cannot open its read models says which, why and what to do, in one line, and exits', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('PGlite read models under a folder made read-only with chmod: exit 3, the folder, EACCES, the next step', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'catalogue-chmod-'));
    dirs.push(dataDir);
    const folder = join(dataDir, 'catalogue', 'read-model');
    mkdirSync(folder, { recursive: true });
    // Root writes through any mode: run the service as an unprivileged user, as in production.
    const asUser = process.getuid?.() === 0 ? NOBODY : undefined;
    if (asUser !== undefined) for (const d of [dataDir, join(dataDir, 'catalogue'), folder]) chownSync(d, asUser, asUser);
    chmodSync(folder, 0o555);

    const { code, stdout, stderr } = await startCatalogue({ DATA_DIR: dataDir }, asUser);
    expect(code).toBe(3);
    const lines = fatalLines(stderr + stdout);
    expect(lines).toEqual([
      {
        level: 'fatal',
        time: expect.any(String),
        msg: `start-up failed: cannot open the read model folder ${folder}: the process may not write there (EACCES: permission denied)`,
        file: folder,
        cause: { kind: 'permission-denied', reason: 'EACCES: permission denied' },
        next: expect.stringContaining(`give the service's user write access to ${folder}`),
        exitCode: 3,
      },
    ]);
    expect(stderr).not.toMatch(/DriverException|\n\s+at /);
  }, 120_000);

  it('PostgreSQL read models on a port nothing listens on: exit 4, the database without its password, ECONNREFUSED, the next step', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'catalogue-wrong-port-'));
    dirs.push(dataDir);
    const { code, stdout, stderr } = await startCatalogue({
      DATA_DIR: dataDir,
      READ_MODEL: 'postgres',
      DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:1/alliance',
    });
    expect(code).toBe(4);
    const lines = fatalLines(stderr + stdout);
    expect(lines).toEqual([
      {
        level: 'fatal',
        time: expect.any(String),
        msg: 'start-up failed: cannot open the read model database postgres://postgres:***@127.0.0.1:1/alliance: connect ECONNREFUSED 127.0.0.1:1',
        database: 'postgres://postgres:***@127.0.0.1:1/alliance',
        cause: { kind: 'connection-refused', reason: 'connect ECONNREFUSED 127.0.0.1:1' },
        next: 'start PostgreSQL, or correct the host and port of DATABASE_URL (postgres://postgres:***@127.0.0.1:1/alliance), then start the service again',
        exitCode: 4,
      },
    ]);
    expect(stderr + stdout).not.toContain('s3cret');
  }, 120_000);
});
