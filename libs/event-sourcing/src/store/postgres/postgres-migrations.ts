import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { assertSchemaName } from '../../schema-name';

/** One versioned schema change, from `migrations/NNNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = join(__dirname, 'migrations');
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads the migration files, refusing stray names, duplicates and holes in the numbering. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`Unexpected file in ${dir}: ${file} (expected NNNN_name.sql)`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(match[1]), name: match[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 0001, 0002, ... without holes; found ${m.version} at place ${i + 1}`);
  });
  return migrations;
}

/**
 * Brings the schema up to date in one transaction, serialised across processes by an advisory lock.
 * An applied migration whose file changed since is an error: history of the schema is append-only too.
 * When everything is applied already, it only reads, so the application role can call it.
 */
export async function migrateEventStore(pool: Pool, schema: string, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  assertSchemaName(schema);
  const client = await pool.connect();
  try {
    if (await upToDate(client, schema, migrations)) return [];
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`event-store-migrations:${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const applied = await appliedVersions(client, schema, migrations);
      const pending = migrations.filter((m) => !applied.has(m.version));
      for (const m of pending) {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      }
      await client.query('COMMIT');
      return pending.map((m) => m.version);
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
  } finally {
    client.release();
  }
}

async function upToDate(client: PoolClient, schema: string, migrations: Migration[]): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    `"${schema}".schema_migrations`,
  ]);
  if (!rows[0].exists) return false;
  const applied = await appliedVersions(client, schema, migrations);
  return migrations.every((m) => applied.has(m.version));
}

async function appliedVersions(client: PoolClient, schema: string, migrations: Migration[]): Promise<Set<number>> {
  const { rows } = await client.query<{ version: number; checksum: string }>(
    `SELECT version, checksum FROM "${schema}".schema_migrations ORDER BY version`,
  );
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of rows) {
    const m = known.get(row.version);
    if (!m) throw new Error(`Event store schema "${schema}" has migration ${row.version}, unknown to this code (newer deployment?)`);
    if (m.checksum !== row.checksum)
      throw new Error(`Event store migration ${row.version}_${m.name} changed after it was applied to "${schema}"`);
  }
  return new Set(rows.map((r) => r.version));
}
