import { join } from 'node:path';
import { createReadModelOrm, ensureReadModelTables, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { MikroOrmInbox } from '@alliance/messaging';
import type { ServiceConfig } from '@alliance/nest-kit';
import type { EntityManager } from '@mikro-orm/sql';
import { Client } from 'pg';
import { EnrolmentRows, KNOWLEDGE_VERSION, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'assessment_read';
export const ASSESSMENT_INBOX = new MikroOrmInbox('assessment');

/** PGlite under DATA_DIR/assessment/read-model when embedded; the service's own PostgreSQL schema when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  if (config.READ_MODEL === 'postgres') {
    const url = new URL(config.DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${READ_MODEL_SCHEMA}`);
    return { kind: 'postgres', url: url.toString() };
  }
  return { kind: 'pglite', dataDir: join(config.DATA_DIR, 'assessment', 'read-model') };
}

/** Opens the service's database with the knowledge fed by other contexts and the inbox; projections create their own tables. */
export async function openAssessmentDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  if (config.READ_MODEL === 'postgres') await ensureSchema(config.DATABASE_URL!);
  const orm = await createReadModelOrm(readModelLocation(config));
  try {
    await ensureReadModelTables(orm, [SpecVersionRows.entity(KNOWLEDGE_VERSION), EnrolmentRows.entity(KNOWLEDGE_VERSION)]);
    await ASSESSMENT_INBOX.ensureTable(orm.em.fork() as unknown as EntityManager);
  } catch (error) {
    await orm.close();
    throw error;
  }
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
