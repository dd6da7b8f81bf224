import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM as KURRENT_NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
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
import { ANY_REVISION, STREAM_EXISTS } from '../../expected-revision';
import { chainEvents, EMPTY_STREAM, type StreamTip } from '../append/chain-events';
import { assertExpectedRevision, validateExpectedRevision } from '../append/expected-revision-check';
import { prepareEvents } from '../append/prepare-events';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import { type EventHasher, hashCanonicalContent } from '../hash-chain/compute-event-hash';
import { assertStreamChain } from '../hash-chain/verify-stream-events';
import { matchesFilter, serverFilter, toEventData, toReadPosition, toRecordedEvent, toStreamState } from './kurrentdb-mapping';
import { subscribeToKurrent } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  connectionString: string;
  /** Replaces the hash function; only to measure what hashing costs. */
  hasher?: EventHasher;
}

const MAX_ATTEMPTS = 20;

/**
 * KurrentDB (EventStoreDB) adapter. The server owns ordering, expected-version checks and idempotency
 * within a stream; this adapter adds the hash chain (kept in each event's metadata) and maps positions
 * to numbers (commit positions: increasing, not dense). Ids reused in another stream are not detected.
 */
export class KurrentDbEventStore implements EventStore {
  readonly name = 'kurrentdb';
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly hasher: EventHasher,
  ) {}

  static async open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const store = new KurrentDbEventStore(
      KurrentDBClient.connectionString(options.connectionString),
      options.hasher ?? hashCanonicalContent,
    );
    await store.ping();
    return store;
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    validateExpectedRevision(expected);
    const prepared = prepareEvents(streamId, events);
    for (let attempt = 1; ; attempt++) {
      const tip = await this.readTip(streamId);
      if (prepared.events.length === 0) {
        assertExpectedRevision(streamId, expected, tip.revision);
        return { nextRevision: tip.revision, lastPosition: tip.position };
      }
      const state = toStreamState(expected, tip.revision);
      const chained = chainEvents(streamId, tip, prepared.events, this.hasher);
      try {
        const result = await this.client.appendToStream(streamId, chained.map(toEventData), { streamState: state });
        return { nextRevision: Number(result.nextExpectedRevision), lastPosition: Number(result.position?.commit ?? 0n) };
      } catch (e) {
        if (!(e instanceof WrongExpectedVersionError)) throw e;
        const actual = e.actualState === KURRENT_NO_STREAM ? -1 : Number(e.actualState);
        const pinned = expected === ANY_REVISION || (expected === STREAM_EXISTS && actual >= 0);
        if (!pinned || attempt >= MAX_ATTEMPTS) throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision === undefined ? (backwards ? END : 'start') : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: BigInt(options.maxCount) }),
      })) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
    }
    if (options.verifyHashes) assertStreamChain(events);
    return events;
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    return (await this.readTip(streamId)).revision;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const from = options.fromPosition ?? 0;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0 || options.filter?.streamPrefixes?.length === 0 || options.filter?.eventTypes?.length === 0) return;
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: toReadPosition(from),
      filter: serverFilter(options.filter),
    })) {
      const event = toRecordedEvent(resolved);
      // The server reads from a position inclusively; the port's fromPosition is exclusive.
      if (!event || event.position <= from || !matchesFilter(event, options.filter)) continue;
      yield event;
      if (--remaining <= 0) return;
    }
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const subscription = subscribeToKurrent(this.client, options);
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      return Number(resolved.commitPosition ?? resolved.event?.position?.commit ?? 0n);
    }
    return 0;
  }

  async ping(): Promise<void> {
    await this.headPosition();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  private async readTip(streamId: string): Promise<StreamTip & { position: number }> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last ? { revision: last.revision, hash: last.hash, position: last.position } : { ...EMPTY_STREAM, position: 0 };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`${this.name} is closed`);
  }
}
