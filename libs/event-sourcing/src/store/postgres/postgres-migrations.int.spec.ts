import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { loadMigrations, migrateEventStore } from './postgres-migrations';

describe('PostgreSQL event store migrations (applied)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_migrations');
    pool = new Pool({ connectionString: db.url, max: 6 });
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('apply once, even when several processes start together, and record each version', async () => {
    const results = await Promise.all([1, 2, 3].map(() => migrateEventStore(pool, 'migrated_events')));
    expect(results.flat().sort()).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrateEventStore(pool, 'migrated_events')).toEqual([]);
    const { rows } = await pool.query('SELECT version, name, checksum FROM migrated_events.schema_migrations ORDER BY version');
    expect(rows).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));
  });

  it('create the table, the append function and the guards', async () => {
    const { rows } = await pool.query(
      `SELECT to_regclass('migrated_events.events') IS NOT NULL AS table,
              to_regprocedure('migrated_events.append_events(text, bigint, text, uuid[], jsonb, boolean)') IS NOT NULL AS fn,
              (SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'migrated_events.events'::regclass AND NOT tgisinternal) AS triggers,
              has_table_privilege('event_store_app', 'migrated_events.events', 'UPDATE') AS app_update,
              has_table_privilege('event_store_app', 'migrated_events.events', 'INSERT') AS app_insert`,
    );
    expect(rows[0]).toEqual({ table: true, fn: true, triggers: 2, app_update: false, app_insert: true });
  });

  it('refuse to run against a schema whose applied migration changed since', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`UPDATE migrated_events.schema_migrations SET checksum = 'edited' WHERE version = 2`);
    await client.end();
    await expect(migrateEventStore(pool, 'migrated_events')).rejects.toThrow(/0002|2_append_only changed/);
  });
});
