import { Client, Pool } from 'pg';
import { createTestDatabase, PG_ADMIN_URL } from './pg-test-database';

async function databaseExists(name: string): Promise<boolean> {
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rows.length === 1;
  } finally {
    await admin.end();
  }
}

describe('per-test PostgreSQL databases', () => {
  it('drop right after Pool.end() lets the closing clients finish instead of terminating them', async () => {
    const db = await createTestDatabase('drop_after_end');
    const pool = new Pool({ connectionString: db.url, max: 4 });
    const errors: Error[] = [];
    pool.on('error', (e) => errors.push(e));
    await Promise.all([1, 2, 3, 4].map(() => pool.query('SELECT pg_sleep(0.01)')));
    await pool.end();
    await db.drop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(await databaseExists(db.name)).toBe(false);
  });

  it('drop waits for a session that is about to close rather than terminating it', async () => {
    const db = await createTestDatabase('drop_closing');
    const client = new Client({ connectionString: db.url });
    const errors: Error[] = [];
    client.on('error', (e) => errors.push(e));
    await client.connect();
    const closing = new Promise<void>((resolve) => setTimeout(() => void client.end().then(resolve), 300));
    await db.drop();
    await closing;
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(await databaseExists(db.name)).toBe(false);
  });

  it('drop still removes a database whose sessions were left open', async () => {
    const db = await createTestDatabase('drop_open');
    const client = new Client({ connectionString: db.url });
    const errors: Error[] = [];
    client.on('error', (e) => errors.push(e));
    await client.connect();
    await db.drop();
    expect(await databaseExists(db.name)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors.map((e) => (e as Error & { code?: string }).code)).toEqual(['57P01']);
  }, 15_000);
});
