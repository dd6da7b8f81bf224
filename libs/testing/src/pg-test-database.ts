import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Admin connection of the local PostgreSQL (trust auth) that infra/engines.sh starts. */
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh, uniquely named database for one test file; `drop()` removes it. `drop()` first waits for
 * the test's own connections to finish closing: `Pool.end()` resolves before its clients' sockets are closed,
 * and a forced drop at that moment makes PostgreSQL terminate them, which surfaces as an unhandled pool
 * 'error' in whatever test runs next. Only sessions still open after the grace period are terminated.
 */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const admin = new URL(PG_ADMIN_URL);
  admin.pathname = `/${name}`;
  return {
    name,
    url: admin.toString(),
    drop: () =>
      withAdmin(async (c) => {
        await waitForSessionsToEnd(c, name, DROP_GRACE_MS);
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

const DROP_GRACE_MS = 5_000;

async function waitForSessionsToEnd(admin: Client, database: string, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
    if (rows[0].n === 0) return;
    if (Date.now() >= deadline) {
      // A test left connections open; say which database, so the leak can be found, then terminate them.
      process.stderr.write(
        `${JSON.stringify({ level: 'warn', component: 'test-database', database, openSessions: rows[0].n, msg: `sessions still open ${graceMs} ms after the test finished; terminating them` })}\n`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
