import { createReadModelOrm, type ReadModelOrm } from '@alliance/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import type { EntityManager } from '@mikro-orm/sql';
import { Pool } from 'pg';
import { MikroOrmInbox } from './mikro-orm-inbox';
import { PgInbox } from './pg-inbox';

jest.setTimeout(30_000);

describe('PgInbox', () => {
  let db: TestDatabase;
  let pool: Pool;
  let inbox: PgInbox;

  beforeAll(async () => {
    db = await createTestDatabase('inbox_pg');
    pool = new Pool({ connectionString: db.url, max: 4 });
    await pool.query('CREATE TABLE tally (id text PRIMARY KEY, n int NOT NULL)');
    await pool.query(`INSERT INTO tally VALUES ('t', 0)`);
    inbox = new PgInbox(pool, 'tally-projector');
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const bump = (client: { query(sql: string): Promise<unknown> }) =>
    client.query(`UPDATE tally SET n = n + 1 WHERE id = 't'`).then(() => undefined);
  const tally = async () => Number((await pool.query(`SELECT n FROM tally`)).rows[0].n);

  it('applies an event once and treats its redelivery as a no-op', async () => {
    const before = await tally();
    expect(await inbox.handle({ eventId: 'e-1' }, bump)).toBe('applied');
    expect(await inbox.handle({ eventId: 'e-1' }, bump)).toBe('duplicate');
    expect(await tally()).toBe(before + 1);
    const { rows } = await pool.query(`SELECT consumer, event_id, processed_at FROM inbox_processed WHERE event_id = 'e-1'`);
    expect(rows).toEqual([{ consumer: 'tally-projector', event_id: 'e-1', processed_at: expect.any(Date) }]);
  });

  it('keeps no inbox row when the read-model change fails, so the retry applies it', async () => {
    const before = await tally();
    await expect(inbox.handle({ eventId: 'e-2' }, async () => Promise.reject(new Error('deadlock')))).rejects.toThrow('deadlock');
    expect(await inbox.handle({ eventId: 'e-2' }, bump)).toBe('applied');
    expect(await tally()).toBe(before + 1);
  });

  it('lets only one of two racing members apply the same event', async () => {
    const before = await tally();
    const slowBump = async (client: { query(sql: string): Promise<unknown> }) => {
      await bump(client);
      await new Promise((r) => setTimeout(r, 100));
    };
    const outcomes = await Promise.all([inbox.handle({ eventId: 'e-3' }, slowBump), inbox.handle({ eventId: 'e-3' }, slowBump)]);
    expect(outcomes.sort()).toEqual(['applied', 'duplicate']);
    expect(await tally()).toBe(before + 1);
  });

  it('keeps consumers apart', async () => {
    const other = new PgInbox(pool, 'another-projector');
    expect(await other.handle({ eventId: 'e-1' }, async () => undefined)).toBe('applied');
  });
});

describe.each([
  ['PostgreSQL', true],
  ['PGlite', false],
])('MikroOrmInbox on %s', (_name, postgres) => {
  let db: TestDatabase | undefined;
  let orm: ReadModelOrm;
  const inbox = new MikroOrmInbox('tally-projector');

  beforeAll(async () => {
    if (postgres) db = await createTestDatabase('inbox_orm');
    orm = await createReadModelOrm(db ? { kind: 'postgres', url: db.url } : { kind: 'pglite', dataDir: 'memory://' });
    const em = orm.em.fork();
    await inbox.ensureTable(em);
    await em.execute('CREATE TABLE tally (id text PRIMARY KEY, n int NOT NULL)', [], 'run');
    await em.execute(`INSERT INTO tally VALUES ('t', 0)`, [], 'run');
  });
  afterAll(async () => {
    await orm.close(true);
    await db?.drop();
  });

  const tally = async () => Number((await orm.em.fork().execute<{ n: number }[]>(`SELECT n FROM tally`))[0].n);
  const bump = (tx: EntityManager) => tx.execute(`UPDATE tally SET n = n + 1 WHERE id = 't'`, [], 'run').then(() => undefined);

  it('applies once, ignores the redelivery, and rolls the claim back with a failed change', async () => {
    expect(await inbox.handle(orm.em.fork(), { eventId: 'e-1' }, bump)).toBe('applied');
    expect(await inbox.handle(orm.em.fork(), { eventId: 'e-1' }, bump)).toBe('duplicate');
    await expect(inbox.handle(orm.em.fork(), { eventId: 'e-2' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await inbox.handle(orm.em.fork(), { eventId: 'e-2' }, bump)).toBe('applied');
    expect(await tally()).toBe(2);
  });
});
