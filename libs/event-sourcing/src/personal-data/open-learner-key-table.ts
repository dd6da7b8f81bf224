import { join } from 'node:path';
import type { ReadModelOrm } from '../read-model';
import { isEmbedded, type PersonalDataSettings } from './key-encryption-key';
import type { LearnerKeyTable } from './learner-key-table.port';
import { SqlLearnerKeyTable } from './sql-learner-key-table';
import { SqliteLearnerKeyTable } from './sqlite-learner-key-table';

export interface KeyTableOptions {
  service: string;
  /** The service's database: holds the key table when distributed. */
  orm: ReadModelOrm;
  /** Name of the key table in that database (when distributed, or where embedded keys were kept before). */
  table: string;
}

/**
 * The service's learner key table. Embedded: a SQLite file of its own under DATA_DIR/<service> (deletion
 * overwrites the bytes, see SqliteLearnerKeyTable); keys an earlier version kept in the read-model database
 * are moved there once and their table dropped. Distributed: a table in the service's PostgreSQL schema,
 * whose deletions are followed by VACUUM FULL.
 */
export async function openLearnerKeyTable(settings: PersonalDataSettings, options: KeyTableOptions): Promise<LearnerKeyTable> {
  const sql = new SqlLearnerKeyTable(options.orm, options.table);
  await sql.ensureTable();
  if (!isEmbedded(settings)) return sql;
  const file = new SqliteLearnerKeyTable(join(settings.DATA_DIR, options.service, 'personal-data-keys.sqlite'));
  const legacy = await sql.all();
  for (const key of legacy) await file.insert(key);
  await sql.drop();
  return file;
}
