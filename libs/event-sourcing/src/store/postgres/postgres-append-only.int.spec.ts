import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, PG_ADMIN_URL, type TestDatabase } from '@alliance/testing';
import { NO_STREAM } from '../../expected-revision';
import { anEvent } from '../testing/contract-fixtures';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgreSQL events table is append-only', () => {
  const schema = 'append_only_events';
  const loginRole = `es_app_${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let owner: Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_append_only');
    const store = await PostgresEventStore.open({ url: db.url, schema });
    await store.appendToStream('catalogue.definition-1', [anEvent('Drafted', { title: 'x' })], { expectedRevision: NO_STREAM });
    await store.close();
    owner = new Client({ connectionString: db.url });
    await owner.connect();
    await owner.query(`CREATE ROLE ${loginRole} LOGIN IN ROLE event_store_app`);
  });

  afterAll(async () => {
    await owner?.end();
    await db?.drop();
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${loginRole}`);
    await admin.end();
  });

  it('gives the application role SELECT and INSERT only', async () => {
    const { rows } = await owner.query(
      `SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'event_store_app' AND table_schema = $1 AND table_name = 'events' ORDER BY 1`,
      [schema],
    );
    expect(rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('lets the application role append and read, but not update, delete or truncate', async () => {
    const url = new URL(db.url);
    url.username = loginRole;
    const store = await PostgresEventStore.open({ url: url.toString(), schema });
    try {
      await store.appendToStream('catalogue.definition-1', [anEvent('Approved', {})], { expectedRevision: 0 });
      expect((await store.readStream('catalogue.definition-1', { verifyHashes: true })).map((e) => e.type)).toEqual([
        'Drafted',
        'Approved',
      ]);
    } finally {
      await store.close();
    }
    const app = new Client({ connectionString: url.toString() });
    await app.connect();
    try {
      for (const sql of [
        `UPDATE ${schema}.events SET data = '{"title":"forged"}' WHERE revision = 0`,
        `DELETE FROM ${schema}.events`,
        `TRUNCATE ${schema}.events`,
      ]) {
        await expect(app.query(sql)).rejects.toMatchObject({ code: '42501' }); // insufficient_privilege
      }
    } finally {
      await app.end();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE even for the table owner', async () => {
    await expect(owner.query(`UPDATE ${schema}.events SET data = '{}'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(owner.query(`DELETE FROM ${schema}.events`)).rejects.toThrow(/append-only: DELETE/);
    await expect(owner.query(`TRUNCATE ${schema}.events`)).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM ${schema}.events`);
    expect(rows[0].n).toBe(2);
  });
});
