import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseUnavailableError, StorageFaultError } from '@alliance/event-sourcing';
import { describeStartupFailure, EXIT_DATABASE_UNAVAILABLE, EXIT_STORAGE_UNUSABLE } from './startup-failure';

describe('start-up failure line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'startup-failure-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the folder, the cause and what to do for a data folder the service may not write, with exit code 3', () => {
    const folder = join(dir, 'read-model');
    const error = new StorageFaultError('permission-denied', 'EACCES: permission denied', dir, {
      doing: `cannot open the read model folder ${dir}`,
    });
    expect(describeStartupFailure(new Error('module init failed', { cause: error }))).toEqual({
      exitCode: EXIT_STORAGE_UNUSABLE,
      line: {
        level: 'fatal',
        msg: `start-up failed: cannot open the read model folder ${dir}: the process may not write there (EACCES: permission denied)`,
        file: dir,
        cause: { kind: 'permission-denied', reason: 'EACCES: permission denied' },
        next: `give the service's user write access to ${dir} (chown/chmod) or set DATA_DIR to a folder that user owns, then start the service again`,
        exitCode: 3,
      },
    });
    const file = join(folder, 'events.sqlite');
    const readOnly = () =>
      describeStartupFailure(
        new StorageFaultError('read-only', 'EROFS: read-only file system', file, { doing: `cannot open the event store file ${file}` }),
      );
    // A folder that could not even be created: the advice names the closest one that exists.
    expect(readOnly()?.line.next).toBe(
      `make ${dir} writable (remount its volume read-write) or set DATA_DIR to a writable folder, then start the service again`,
    );
    mkdirSync(folder);
    expect(readOnly()?.line.next).toBe(
      `make ${folder} writable (remount its volume read-write) or set DATA_DIR to a writable folder, then start the service again`,
    );
  });

  it('names the database without its password, the cause and what to do, with exit code 4', () => {
    const database = 'postgres://app:***@db.example:5432/alliance';
    const refused = new DatabaseUnavailableError('connection-refused', 'connect ECONNREFUSED 10.0.0.5:5432', database, {
      doing: 'cannot open the read model database',
    });
    expect(describeStartupFailure(refused)).toEqual({
      exitCode: EXIT_DATABASE_UNAVAILABLE,
      line: {
        level: 'fatal',
        msg: `start-up failed: cannot open the read model database ${database}: connect ECONNREFUSED 10.0.0.5:5432`,
        database,
        cause: { kind: 'connection-refused', reason: 'connect ECONNREFUSED 10.0.0.5:5432' },
        next: `start PostgreSQL, or correct the host and port of DATABASE_URL (${database}), then start the service again`,
        exitCode: 4,
      },
    });
    const missing = new DatabaseUnavailableError('database-missing', 'database "alliance" does not exist', database, {
      doing: 'cannot open the read model database',
    });
    expect(describeStartupFailure(missing)?.line.next).toMatch(/^create the database \(createdb alliance\)/);
    const auth = new DatabaseUnavailableError('authentication-failed', 'password authentication failed for user "app"', database, {
      doing: 'cannot open the event store database',
    });
    expect(describeStartupFailure(auth)?.line.next).toMatch(/^check the user and password of DATABASE_URL/);
  });

  it('leaves every other error to the generic report', () => {
    expect(describeStartupFailure(new Error('a bug'))).toBeUndefined();
    expect(describeStartupFailure('a string')).toBeUndefined();
  });
});
