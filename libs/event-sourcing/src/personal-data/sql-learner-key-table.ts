import type { ReadModelOrm } from '../read-model';
import { LearnerKeyTable, type StoredLearnerKey } from './learner-key-table.port';

type Row = { learner_id: string; wrapped_key: string; email_index: string | null };
const toKey = (r: Row): StoredLearnerKey => ({ learnerId: r.learner_id, wrappedKey: r.wrapped_key, emailIndex: r.email_index });

/**
 * The key table in a service's PostgreSQL (or PGlite) database. It is not a projection: it is never dropped
 * or rebuilt from events (keys are not in the events, by design), so it lives under a fixed, unversioned name.
 */
export class SqlLearnerKeyTable extends LearnerKeyTable {
  constructor(
    private readonly orm: ReadModelOrm,
    private readonly table: string,
  ) {
    super();
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new RangeError(`invalid key table name ${table}`);
  }

  async ensureTable(): Promise<void> {
    const em = this.orm.em.fork();
    await em.execute(
      `create table if not exists ${this.table} (
        learner_id text primary key,
        wrapped_key text not null,
        email_index text,
        created_at timestamptz not null default now()
      )`,
      [],
      'run',
    );
    await em.execute(`create index if not exists ${this.table}_email_index on ${this.table} (email_index)`, [], 'run');
  }

  async find(learnerId: string): Promise<StoredLearnerKey | undefined> {
    return (await this.findMany([learnerId]))[0];
  }

  async findMany(learnerIds: string[]): Promise<StoredLearnerKey[]> {
    if (learnerIds.length === 0) return [];
    const rows = await this.orm.em
      .fork()
      .execute<Row[]>(
        `select learner_id, wrapped_key, email_index from ${this.table} where learner_id in (${learnerIds.map(() => '?').join(',')})`,
        learnerIds,
      );
    return rows.map(toKey);
  }

  async findAllByEmailIndex(emailIndex: string): Promise<StoredLearnerKey[]> {
    const rows = await this.orm.em
      .fork()
      .execute<Row[]>(
        `select learner_id, wrapped_key, email_index from ${this.table} where email_index = ? order by created_at, learner_id`,
        [emailIndex],
      );
    return rows.map(toKey);
  }

  async all(): Promise<StoredLearnerKey[]> {
    return (
      await this.orm.em
        .fork()
        .execute<Row[]>(`select learner_id, wrapped_key, email_index from ${this.table} order by created_at, learner_id`)
    ).map(toKey);
  }

  async insert(key: StoredLearnerKey): Promise<StoredLearnerKey> {
    await this.orm.em
      .fork()
      .execute(
        `insert into ${this.table} (learner_id, wrapped_key, email_index) values (?, ?, ?) on conflict (learner_id) do nothing`,
        [key.learnerId, key.wrappedKey, key.emailIndex],
        'run',
      );
    const stored = await this.find(key.learnerId);
    if (!stored) throw new Error(`learner key ${key.learnerId} vanished right after it was written`);
    return stored;
  }

  /**
   * A deleted row stays on its page until the page is rewritten, so the deletion is followed by VACUUM FULL,
   * which copies the live rows into a new file and unlinks the old one: the wrapped key is no longer in the
   * table's files. Write-ahead log segments and backups keep it until they are recycled (see the README).
   */
  async delete(learnerId: string): Promise<boolean> {
    const em = this.orm.em.fork();
    const rows = await em.execute<{ learner_id: string }[]>(`delete from ${this.table} where learner_id = ? returning learner_id`, [
      learnerId,
    ]);
    if (rows.length > 0) await em.execute(`vacuum full ${this.table}`, [], 'run');
    return rows.length > 0;
  }

  /** Drops the table (after its keys moved to another store), leaving no copy in its files. */
  async drop(): Promise<void> {
    await this.orm.em.fork().execute(`drop table if exists ${this.table}`, [], 'run');
  }
}
