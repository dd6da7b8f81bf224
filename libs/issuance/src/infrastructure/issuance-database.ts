import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createReadModelOrm, type ReadModelDatabaseConfig, type ReadModelOrm, schemaPinnedLocation } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';

export const ISSUANCE = 'issuance';
export const READ_MODEL_SCHEMA = 'issuance_read';

/** PGlite under DATA_DIR/issuance/read-model when embedded; the service's own PostgreSQL schema when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return config.READ_MODEL === 'postgres'
    ? schemaPinnedLocation({ kind: 'postgres', url: config.DATABASE_URL! }, READ_MODEL_SCHEMA)
    : { kind: 'pglite', dataDir: join(config.DATA_DIR, ISSUANCE, 'read-model') };
}

/** Opens issuance's database: its read models, and the sealed key vault beside them. */
export async function openIssuanceDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  const location = readModelLocation(config);
  if (location.kind === 'postgres') await ensureSchema(config.DATABASE_URL!);
  else if (!location.dataDir.startsWith('memory://')) mkdirSync(location.dataDir, { recursive: true });
  return createReadModelOrm(location);
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
