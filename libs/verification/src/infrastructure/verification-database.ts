import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createReadModelOrm, ensureReadModelTables, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';
import type { EntityManager } from '@mikro-orm/sql';
import { VERIFICATION, VERIFICATION_INBOX } from './integration/verification-inbox-routes';
import { CredentialNoteRows } from './registry/credential-notes-rows';
import { RegistryRows } from './registry/registry-rows';

export const READ_MODEL_SCHEMA = 'verification_read';

export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  if (config.READ_MODEL === 'postgres') {
    const url = new URL(config.DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${READ_MODEL_SCHEMA}`);
    return { kind: 'postgres', url: url.toString() };
  }
  return { kind: 'pglite', dataDir: join(config.DATA_DIR, VERIFICATION, 'read-model') };
}

/** Opens verification's database with its registry, its notes on issued credentials and the inbox. */
export async function openVerificationDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  const location = readModelLocation(config);
  if (location.kind === 'postgres') {
    const client = new Client({ connectionString: config.DATABASE_URL! });
    await client.connect();
    try {
      await client.query(`create schema if not exists ${READ_MODEL_SCHEMA}`);
    } finally {
      await client.end();
    }
  } else if (!location.dataDir.startsWith('memory://')) mkdirSync(location.dataDir, { recursive: true });
  const orm = await createReadModelOrm(location);
  try {
    await ensureReadModelTables(orm, [RegistryRows, CredentialNoteRows]);
    await VERIFICATION_INBOX.ensureTable(orm.em.fork() as unknown as EntityManager);
  } catch (error) {
    await orm.close();
    throw error;
  }
  return orm;
}
