import { Pool, types } from 'pg';
import type { NewEvent, RecordedEvent } from '../../envelope';
import type {
  AllFilter,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { validateExpectedRevision } from '../append/expected-revision-check';
import { prepareEvents } from '../append/prepare-events';
import { type EventHasher, hashCanonicalContent } from '../hash-chain/compute-event-hash';
import { assertStreamChain } from '../hash-chain/verify-stream-events';
import { readAllPages } from '../read-all-pages';
import { ChangeSignal } from '../subscription/change-signal';
import { type LogPage, startPollingSubscription } from '../subscription/polling-subscription';
import { PostgresAppender } from './postgres-append';
import { PostgresChangeFeed } from './postgres-change-feed';
import { assertSchemaName } from '../../schema-name';
import { migrateEventStore } from './postgres-migrations';
import { EVENT_COLUMNS, prefixPattern, toRecordedEvent } from './postgres-rows';
import { StreamTipCache } from './stream-tip-cache';

export interface PostgresEventStoreOptions {
  url: string;
  /** Schema holding the events table; one per service. Default `event_store`. */
  schema?: string;
  poolSize?: number;
  /** Apply pending migrations on open (default true); the application role can only verify them. */
  migrate?: boolean;
  /** Replaces the hash function; only to measure what hashing costs. */
  hasher?: EventHasher;
  /** Longest wait of a live subscription without a notification. */
  idlePollMs?: number;
}

const INT8 = 20;
/** Positions and revisions are bigint columns that stay far below 2^53: read them as numbers. */
const numericTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser,
};

/**
 * PostgreSQL adapter: one append-only events table per schema. Readers of the whole log see a prefix of
 * it that can only grow (0003 and 0004 migrations): they pass only rows whose writing transaction is
 * older than every append still in flight, and stop at the first row that is not.
 */
export class PostgresEventStore implements EventStore {
  readonly name: string;
  readonly schema: string;
  private readonly appender: PostgresAppender;
  private readonly feed: PostgresChangeFeed;
  private readonly tips = new StreamTipCache();
  private readonly signal = new ChangeSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly sql: { forwards: string; backwards: string; revision: string; head: string; horizon: string; page: string };
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.schema = options.schema ?? 'event_store';
    this.name = `postgres (${this.schema})`;
    const t = `"${this.schema}".events`;
    this.sql = {
      forwards: `SELECT ${EVENT_COLUMNS} FROM ${t} WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      backwards: `SELECT ${EVENT_COLUMNS} FROM ${t} WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
      revision: `SELECT revision FROM ${t} WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`,
      head: `SELECT "${this.schema}".head_position() AS head`,
      horizon: `SELECT "${this.schema}".read_horizon()::text AS horizon`,
      page: `SELECT ${EVENT_COLUMNS}, tx_id < $5::xid8 AS visible FROM ${t}
              WHERE position > $1 AND ($3::text[] IS NULL OR type = ANY ($3)) AND ($4::text[] IS NULL OR stream_id LIKE ANY ($4))
              ORDER BY position LIMIT $2`,
    };
    this.appender = new PostgresAppender(pool, this.schema, this.tips, options.hasher ?? hashCanonicalContent);
    this.feed = new PostgresChangeFeed(pool, options.url, `events_appended_${this.schema}`, this.signal);
  }

  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'event_store';
    assertSchemaName(schema);
    const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 10, types: numericTypes });
    pool.on('error', () => undefined); // an idle client's lost connection surfaces on its next query instead
    try {
      if (options.migrate !== false) await migrateEventStore(pool, schema);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresEventStore(pool, { ...options, schema });
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    validateExpectedRevision(options.expectedRevision);
    const { appended, ...result } = await this.appender.append(streamId, prepareEvents(streamId, events), options.expectedRevision);
    if (appended) this.feed.announce();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const { rows } = await this.pool.query({
      text: backwards ? this.sql.backwards : this.sql.forwards,
      values: [streamId, from, options.maxCount ?? null],
      rowMode: 'array',
    });
    const events = rows.map(toRecordedEvent);
    const reachedEnd = backwards ? options.fromRevision === undefined : options.maxCount === undefined || events.length < options.maxCount;
    const tip = backwards ? events[0] : events[events.length - 1];
    if (tip && reachedEnd) this.tips.remember(streamId, { revision: tip.revision, hash: tip.hash });
    if (options.verifyHashes) assertStreamChain(events);
    return events;
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ revision: number }>(this.sql.revision, [streamId]);
    return rows[0]?.revision ?? -1;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    // One horizon for the whole walk: it returns the log as it stood when the walk began (positions follow
    // transaction ids among appends, so the cut is exact) and spares every page a scan of the lock table.
    let horizon: Promise<string> | undefined;
    return readAllPages(options, 2000, (after, limit, filter) => this.readPage(after, limit, filter, (horizon ??= this.readHorizon())));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.assertOpen();
    void this.feed.listen().catch(() => undefined);
    const subscription = startPollingSubscription(options, {
      readPage: (after, limit, filter) => this.readPage(after, limit, filter),
      signal: this.signal,
      idlePollMs: this.options.idlePollMs ?? 500,
      pendingPollMs: 5,
      defaultBatchSize: 500,
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ head: number }>(this.sql.head);
    return rows[0].head;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.feed.close();
    await this.pool.end();
  }

  /**
   * A page of events after `after`, cut at the first row an append still in flight may precede.
   * The horizon comes from its own, earlier statement: see 0004_read_functions.sql.
   */
  private async readPage(
    after: number,
    limit: number,
    filter: AllFilter | undefined,
    horizon: Promise<string> = this.readHorizon(),
  ): Promise<LogPage> {
    const before = await horizon;
    const { rows } = await this.pool.query({
      text: this.sql.page,
      values: [after, limit, filter?.eventTypes ?? null, filter?.streamPrefixes?.map(prefixPattern) ?? null, before],
      rowMode: 'array',
    });
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (row[10] !== true) return { events, pending: true };
      events.push(toRecordedEvent(row));
    }
    return { events, pending: false };
  }

  private async readHorizon(): Promise<string> {
    const { rows } = await this.pool.query<{ horizon: string }>(this.sql.horizon);
    return rows[0].horizon;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`${this.name} is closed`);
  }
}
