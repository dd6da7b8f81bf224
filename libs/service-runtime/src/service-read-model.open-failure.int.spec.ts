import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseUnavailableError, describeDatabaseFault, EmbeddedEventStore, StorageFaultError } from '@alliance/event-sourcing';
import { mountTinyDisk } from '@alliance/testing';
import { Client } from 'pg';
import { loadConfig, ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel } from './service-read-model';

const spec = { service: 'probe', schema: 'probe_read', pinning: 'connection' as const };
const postgres = (url: string) => loadConfig('probe', ServiceConfig, { LOG_LEVEL: 'silent', READ_MODEL: 'postgres', DATABASE_URL: url });
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('opening read models names what cannot be opened and why (real PostgreSQL)', () => {
  it('a refused connection: the database without its password, ECONNREFUSED', async () => {
    const failure = await failureOf(openServiceReadModel(postgres('postgres://postgres:s3cret@127.0.0.1:1/alliance'), spec));
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(failure).toMatchObject({ kind: 'connection-refused', database: 'postgres://postgres:***@127.0.0.1:1/alliance' });
    expect((failure as Error).message).toMatch(
      /^cannot open the read model database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/alliance: .*ECONNREFUSED/,
    );
    expect((failure as Error).message).not.toContain('s3cret');
  });

  it('a database that does not exist, and a user the server refuses', async () => {
    const missing = await failureOf(openServiceReadModel(postgres('postgres://postgres@127.0.0.1:5432/no_such_database_here'), spec));
    expect(missing).toMatchObject({ kind: 'database-missing', reason: 'database "no_such_database_here" does not exist' });
    const refused = await failureOf(openServiceReadModel(postgres('postgres://no_such_role_here@127.0.0.1:5432/postgres'), spec));
    expect(refused).toMatchObject({ kind: 'authentication-failed', reason: 'role "no_such_role_here" does not exist' });
  });

  it('recognises the same causes in what pg itself throws, and nothing else', async () => {
    const client = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/no_such_database_here' });
    const thrown = await failureOf(client.connect());
    expect(describeDatabaseFault(thrown)).toEqual({ kind: 'database-missing', reason: 'database "no_such_database_here" does not exist' });
    expect(describeDatabaseFault(new Error('syntax error at or near "selec"'))).toBeUndefined();
  });
});

describe('opening read models on a folder the service may not write (PGlite)', () => {
  const root = process.getuid?.() === 0;
  // Root writes through chmod: there a read-only tmpfs is the read-only folder; elsewhere chmod does it.
  const disk = root ? mountTinyDisk(16) : undefined;
  const base = disk && !('unavailable' in disk) ? disk.dir : mkdtempSync(join(tmpdir(), 'read-only-read-model-'));
  const dataDir = join(base, 'data');
  beforeAll(() => {
    mkdirSync(join(dataDir, 'probe', 'read-model'), { recursive: true });
    if (!root) chmodSync(join(dataDir, 'probe', 'read-model'), 0o555);
    else if (disk && !('unavailable' in disk)) execFileSync('mount', ['-o', 'remount,ro', base]);
  });
  afterAll(() => {
    if (!root) chmodSync(join(dataDir, 'probe', 'read-model'), 0o755);
    if (disk && !('unavailable' in disk)) {
      execFileSync('mount', ['-o', 'remount,rw', base]);
      disk.unmount();
    } else rmSync(base, { recursive: true, force: true });
  });

  const usable = !root || (disk !== undefined && !('unavailable' in disk));
  (usable ? it : it.skip)('refuses with the folder and the cause (not a driver exception from the first query)', async () => {
    const config = loadConfig('probe', ServiceConfig, { LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const failure = await failureOf(openServiceReadModel(config, spec));
    expect(failure).toBeInstanceOf(StorageFaultError);
    const folder = join(dataDir, 'probe', 'read-model');
    expect(failure).toMatchObject({ kind: root ? 'read-only' : 'permission-denied', file: folder });
    expect((failure as Error).message).toBe(
      root
        ? `cannot open the read model folder ${folder}: the storage is read-only (EROFS: read-only file system)`
        : `cannot open the read model folder ${folder}: the process may not write there (EACCES: permission denied)`,
    );
  });

  (root && usable ? it : it.skip)('names the read-only volume for an event store folder that could not even be created', () => {
    const file = join(dataDir, 'other', EmbeddedEventStore.FILE_NAME);
    let failure: unknown;
    try {
      EmbeddedEventStore.open({ dataDir: join(dataDir, 'other') });
    } catch (e) {
      failure = e;
    }
    expect(failure).toMatchObject({ kind: 'read-only', file });
    expect((failure as Error).message).toBe(
      `cannot open the event store file ${file}: the storage is read-only (EROFS: read-only file system)`,
    );
  });
});
