import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { NewEvent, RecordedEvent } from '../../envelope';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../event-store.port';
import { chainEvents } from '../append/chain-events';
import { assertExpectedRevision, validateExpectedRevision } from '../append/expected-revision-check';
import { prepareEvents } from '../append/prepare-events';
import { resolveExistingIds, type StoredIdentity } from '../append/resolve-existing-ids';
import { type EventHasher, hashCanonicalContent } from '../hash-chain/compute-event-hash';
import { assertStreamChain } from '../hash-chain/verify-stream-events';
import { shareEventLoop } from '../../projection/event-loop-share';
import { readAllPages } from '../read-all-pages';
import { openFailure } from '../storage-fault/open-diagnosis';
import { asStorageFault } from '../storage-fault/storage-fault.error';
import { storageFaults } from '../storage-fault/storage-fault-log';
import { ChangeSignal } from '../subscription/change-signal';
import { startPollingSubscription } from '../subscription/polling-subscription';
import { type EventRow, toRecordedEvent } from './embedded-rows';
import { EmbeddedQueries } from './embedded-queries';
import { EmbeddedWriteQueue, type WriteOutcome } from './embedded-write-queue';
import { migrateEmbedded } from './embedded-schema';

export interface EmbeddedEventStoreOptions {
  /** Folder that holds the store's single database file; created when missing. */
  dataDir: string;
  /** `full` (default) syncs every commit to disk; `normal` may lose the last commits on power loss, never consistency. */
  durability?: 'full' | 'normal';
  /** Replaces the hash function; only to measure what hashing costs. */
  hasher?: EventHasher;
  /** How often live subscriptions look for events written by other processes on the same file. */
  idlePollMs?: number;
}

/** One signal per database file, so every store open on it in this process wakes the others' subscriptions. */
const signals = new Map<string, ChangeSignal>();

/**
 * The zero-install event store: one SQLite file (WAL) in a data directory, through Node's built-in
 * `node:sqlite`. Writers take SQLite's write lock for the whole append (`BEGIN IMMEDIATE`), and
 * positions are allocated inside that transaction, so position order is commit order and readers
 * never see a later position before an earlier one, across processes too.
 */
export class EmbeddedEventStore implements EventStore {
  static readonly FILE_NAME = 'events.sqlite';
  readonly name: string;
  private readonly queries: EmbeddedQueries;
  private readonly signal: ChangeSignal;
  private readonly hasher: EventHasher;
  private readonly subscriptions = new Set<Subscription>();
  private readonly writes = new EmbeddedWriteQueue((works) => this.commitGroup(works));
  private appendedInGroup = false;
  private closed = false;

  private constructor(
    private readonly db: DatabaseSync,
    readonly file: string,
    private readonly options: EmbeddedEventStoreOptions,
  ) {
    this.name = `embedded (${file})`;
    this.queries = new EmbeddedQueries(db);
    this.hasher = options.hasher ?? hashCanonicalContent;
    let signal = signals.get(file);
    if (!signal) signals.set(file, (signal = new ChangeSignal()));
    this.signal = signal;
  }

  /** Opens (creating when missing) the store; a failure names the file and why (read-only folder, permissions, full disk). */
  static open(options: EmbeddedEventStoreOptions): EmbeddedEventStore {
    const file = resolve(join(options.dataDir, EmbeddedEventStore.FILE_NAME));
    let db: DatabaseSync;
    try {
      mkdirSync(options.dataDir, { recursive: true });
      db = new DatabaseSync(file, { timeout: 10_000 });
    } catch (e) {
      throw openFailure('the event store file', file, e);
    }
    try {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec(`PRAGMA synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
      db.exec('PRAGMA foreign_keys = ON');
      migrateEmbedded(db);
    } catch (e) {
      db.close();
      throw openFailure('the event store file', file, e);
    }
    return new EmbeddedEventStore(db, file, options);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    validateExpectedRevision(expected);
    const prepared = prepareEvents(streamId, events);
    return this.writes.enqueue(() => {
      const tip = (this.queries.tip.get(streamId) as { revision: number; hash: string; position: number } | undefined) ?? {
        revision: -1,
        hash: null,
        position: 0,
      };
      if (prepared.callerSuppliedIds && prepared.events.length > 0) {
        const existing = this.queries.findIds.all(JSON.stringify(prepared.events.map((e) => e.eventId))) as unknown as StoredIdentity[];
        if (existing.length > 0) return resolveExistingIds(streamId, prepared.events, existing, expected, tip.revision);
      }
      assertExpectedRevision(streamId, expected, tip.revision);
      if (prepared.events.length === 0) return { nextRevision: tip.revision, lastPosition: tip.position };
      let lastPosition = 0;
      chainEvents(streamId, tip, prepared.events, this.hasher).forEach((e) => {
        const run = this.queries.insert.run(
          e.eventId,
          streamId,
          e.revision,
          e.type,
          e.schemaVersion,
          e.dataJson,
          e.metadataJson,
          e.previousHash,
          e.hash,
        );
        lastPosition = Number(run.lastInsertRowid);
      });
      this.appendedInGroup = true;
      return { nextRevision: tip.revision + prepared.events.length, lastPosition };
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.maxCount ?? -1;
    const rows =
      options.direction === 'backwards'
        ? this.queries.backwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.queries.forwards.all(streamId, options.fromRevision ?? 0, limit);
    const events = (rows as unknown as EventRow[]).map(toRecordedEvent);
    if (options.verifyHashes) assertStreamChain(events);
    return events;
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    return (this.queries.tip.get(streamId) as { revision: number } | undefined)?.revision ?? -1;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readAllPages(options, 1000, async (after, limit, filter) => {
      this.assertOpen();
      return this.queries.readPage(after, limit, filter);
    });
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.assertOpen();
    // Every event the filter lets through at or below `scanned` was on a page already handed out. The subscription
    // stays at the last event it was given, so without this a sparse filter (a relay over a log of mostly internal
    // facts) would rescan the whole tail on every append: quadratic work during a large upload.
    let scanned = 0;
    const subscription = startPollingSubscription(options, {
      // Each page is read on a turn of its own: a catching-up subscriber of a long log must not hold the process.
      readPage: async (after, limit, filter) => {
        await shareEventLoop();
        this.assertOpen();
        // Positions are allocated in commit order, so every event up to the head read first is visible to the page.
        const head = (this.queries.head.get() as { head: number }).head;
        const page = this.queries.readPage(Math.max(after, scanned), limit, filter);
        scanned = page.events.length < limit ? Math.max(head, page.events.at(-1)?.position ?? 0) : page.events.at(-1)!.position;
        return page;
      },
      signal: this.signal,
      idlePollMs: this.options.idlePollMs ?? 250,
      pendingPollMs: 10,
      defaultBatchSize: 500,
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return (this.queries.head.get() as { head: number }).head;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
    this.writes.flush();
    this.db.close();
  }

  /**
   * Runs the appends queued meanwhile in one transaction, each in a savepoint: one refused by the store's rules (a
   * wrong expected revision, a reused event id) is undone alone and answered with its error, the others commit.
   * An error of SQLite itself (a full disk) fails the whole transaction, and every append of it.
   */
  private commitGroup(works: (() => unknown)[]): WriteOutcome[] {
    this.appendedInGroup = false;
    const outcomes = this.inWriteTransaction(() =>
      works.map((work): WriteOutcome => {
        this.db.exec('SAVEPOINT append');
        try {
          const value = work();
          this.db.exec('RELEASE append');
          return { ok: true, value };
        } catch (error) {
          if (isSqliteError(error)) throw error;
          this.db.exec('ROLLBACK TO append');
          this.db.exec('RELEASE append');
          return { ok: false, error };
        }
      }),
    );
    if (this.appendedInGroup) this.signal.notify();
    return outcomes;
  }

  /**
   * Runs `work` in one write transaction. On a full disk SQLite has already rolled the transaction back when the
   * statement fails (SQLITE_FULL), so ROLLBACK is issued only while one is still open: its own "no transaction is
   * active" must never replace the cause. Storage faults leave as `StorageFaultError` and are noted for readiness.
   */
  private inWriteTransaction<T>(work: () => T): T {
    const source = `event store ${this.file}`;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = work();
        this.db.exec('COMMIT');
      } catch (e) {
        if (this.db.isTransaction) rollbackQuietly(this.db);
        throw e;
      }
      storageFaults.ok(source);
      return result;
    } catch (e) {
      if (!storageFaults.fault(source, e, this.file)) throw e;
      throw asStorageFault(e, this.file, 'appending events') ?? e;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`${this.name} is closed`);
  }
}

const isSqliteError = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'ERR_SQLITE_ERROR';

/** A failing ROLLBACK (the I/O error again) must not hide the error that caused it; SQLite discards the transaction anyway. */
function rollbackQuietly(db: DatabaseSync): void {
  try {
    db.exec('ROLLBACK');
  } catch {
    // The caller rethrows the original failure.
  }
}
