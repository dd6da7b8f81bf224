import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createReadModelOrm, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';
import { Client } from 'pg';
import { catalogueProjection } from './catalogue.projection';

/** The catalogue's own schema in a PostgreSQL database that other services may share. */
export const READ_MODEL_SCHEMA = 'catalogue_read';

/** PGlite under DATA_DIR/catalogue/read-model when embedded; the DATABASE_URL database when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return config.READ_MODEL === 'postgres'
    ? { kind: 'postgres', url: config.DATABASE_URL! }
    : { kind: 'pglite', dataDir: join(config.DATA_DIR, 'catalogue', 'read-model') };
}

/**
 * Opens the read model database. On PostgreSQL every pooled connection is pinned to the catalogue's schema
 * (search_path), so the projection kernel's unqualified SQL (tables, checkpoints, comparisons) stays there.
 */
export async function openReadModelOrm(config: ServiceConfig): Promise<ReadModelOrm> {
  const location = readModelLocation(config);
  if (location.kind === 'pglite') {
    mkdirSync(location.dataDir, { recursive: true });
    return createReadModelOrm(location, { projections: [catalogueProjection] });
  }
  await ensureSchema(location.url);
  const orm = await createReadModelOrm(location, { projections: [catalogueProjection] });
  await orm.reconnect({
    onCreateConnection: async (connection: unknown) => {
      // A kysely connection: only `sql` and `parameters` of the compiled query are read.
      await (connection as { executeQuery(q: { sql: string; parameters: unknown[] }): Promise<unknown> }).executeQuery({
        sql: `set search_path to ${READ_MODEL_SCHEMA}`,
        parameters: [],
      });
    },
  });
  return orm;
}

async function ensureSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${READ_MODEL_SCHEMA}`);
  } finally {
    await client.end();
  }
}
