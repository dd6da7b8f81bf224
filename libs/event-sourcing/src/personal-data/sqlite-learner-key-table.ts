import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { LearnerKeyTable, type StoredLearnerKey } from './learner-key-table.port';

type Row = { learner_id: string; wrapped_key: string; email_index: string | null };
const toKey = (r: Row): StoredLearnerKey => ({ learnerId: r.learner_id, wrappedKey: r.wrapped_key, emailIndex: r.email_index });

/**
 * The key table of an embedded service: one small SQLite file of its own. `secure_delete` overwrites a
 * deleted row's bytes with zeros in the page itself, and the write-ahead log is checkpointed and truncated
 * right after, so once `delete` returns no copy of the wrapped key is left in the file or its log.
 */
export class SqliteLearnerKeyTable extends LearnerKeyTable {
  private readonly db: DatabaseSync;

  constructor(file: string) {
    super();
    mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec(`
      pragma journal_mode = wal;
      pragma synchronous = full;
      pragma secure_delete = on;
      create table if not exists learner_keys (
        learner_id text primary key,
        wrapped_key text not null,
        email_index text,
        created_at integer not null
      );
      create index if not exists learner_keys_email_index on learner_keys (email_index);
    `);
  }

  async find(learnerId: string): Promise<StoredLearnerKey | undefined> {
    const row = this.db.prepare('select learner_id, wrapped_key, email_index from learner_keys where learner_id = ?').get(learnerId) as
      Row | undefined;
    return row ? toKey(row) : undefined;
  }

  async findMany(learnerIds: string[]): Promise<StoredLearnerKey[]> {
    if (learnerIds.length === 0) return [];
    const rows = this.db
      .prepare(`select learner_id, wrapped_key, email_index from learner_keys where learner_id in (${learnerIds.map(() => '?').join(',')})`)
      .all(...learnerIds);
    return (rows as Row[]).map(toKey);
  }

  async findAllByEmailIndex(emailIndex: string): Promise<StoredLearnerKey[]> {
    const rows = this.db
      .prepare('select learner_id, wrapped_key, email_index from learner_keys where email_index = ? order by created_at, rowid')
      .all(emailIndex);
    return (rows as Row[]).map(toKey);
  }

  async all(): Promise<StoredLearnerKey[]> {
    return (this.db.prepare('select learner_id, wrapped_key, email_index from learner_keys order by created_at, rowid').all() as Row[]).map(
      toKey,
    );
  }

  async insert(key: StoredLearnerKey): Promise<StoredLearnerKey> {
    this.db
      .prepare(
        'insert into learner_keys (learner_id, wrapped_key, email_index, created_at) values (?, ?, ?, ?) on conflict (learner_id) do nothing',
      )
      .run(key.learnerId, key.wrappedKey, key.emailIndex, Date.now());
    const stored = await this.find(key.learnerId);
    if (!stored) throw new Error(`learner key ${key.learnerId} vanished right after it was written`);
    return stored;
  }

  async delete(learnerId: string): Promise<boolean> {
    const { changes } = this.db.prepare('delete from learner_keys where learner_id = ?').run(learnerId);
    if (Number(changes) > 0) this.db.exec('pragma wal_checkpoint(truncate)');
    return Number(changes) > 0;
  }

  override async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
