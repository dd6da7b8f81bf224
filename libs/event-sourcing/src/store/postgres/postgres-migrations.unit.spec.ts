import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertSchemaName } from '../../schema-name';
import { loadMigrations } from './postgres-migrations';

describe('PostgreSQL event store migrations', () => {
  it('are numbered 0001, 0002, ... without holes, each with a checksum', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`)).toEqual([
      '0001_events_table',
      '0002_append_only',
      '0003_append_function',
      '0004_read_functions',
      '0005_app_role',
      '0006_drop_read_events',
    ]);
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuse holes and stray files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    try {
      writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
      writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
      expect(() => loadMigrations(dir)).toThrow(/without holes/);
      writeFileSync(join(dir, 'notes.txt'), '');
      expect(() => loadMigrations(dir)).toThrow(/Unexpected file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('only accept plain schema names', () => {
    expect(() => assertSchemaName('catalogue_events')).not.toThrow();
    expect(() => assertSchemaName('x"; DROP TABLE y; --')).toThrow(/Invalid/);
  });
});
