import { join } from 'node:path';
import { createReadModelOrm, ensureReadModelTables, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { MikroOrmInbox } from '@alliance/messaging';
import type { ServiceConfig } from '@alliance/nest-kit';
import type { EntityManager } from '@mikro-orm/sql';
import { Client } from 'pg';
import { EnrolmentRows, KNOWLEDGE_VERSION, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'assessment_read';
export const ASSESSMENT_INBOX = new MikroOrmInbox('assessment');

/** PGlite under DATA_DIR/assessment/read-model when embedded; the service's own schema of DATABASE_URL when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return config.READ_MODEL === 'postgres' ? { kind: 'postgres', url: config.DATABASE_URL! } : { kind: 'pglite', dataDir: join(config.DATA_DIR, 'assessment', 'read-model') };
}

/** Opens the service's database with the knowledge fed by other contexts and the inbox; projections create their own tables. */
export async function openAssessmentDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  const location = readModelLocation(config);
  if (location.kind === 'postgres') await ensureSchema(location.url);
  const orm = await createReadModelOrm(location);
  try {
    if (location.kind === 'postgres') await pinSchema(orm);
    await ensureReadModelTables(orm, [SpecVersionRows.entity(KNOWLEDGE_VERSION), EnrolmentRows.entity(KNOWLEDGE_VERSION)]);
    await ASSESSMENT_INBOX.ensureTable(orm.em.fork() as unknown as EntityManager);
  } catch (error) {
    await orm.close();
    throw error;
  }
  return orm;
}

/**
 * Every pooled connection is pinned to the service's schema (search_path), so the kernel's unqualified SQL
 * (projection tables, checkpoints, inbox) and this service's own tables stay there.
 */
async function pinSchema(orm: ReadModelOrm): Promise<void> {
  await orm.reconnect({
    onCreateConnection: async (connection: unknown) => {
      // A kysely connection: only `sql` and `parameters` of the compiled query are read.
      await (connection as { executeQuery(q: { sql: string; parameters: unknown[] }): Promise<unknown> }).executeQuery({
        sql: `set search_path to ${READ_MODEL_SCHEMA}`,
        parameters: [],
      });
    },
  });
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
