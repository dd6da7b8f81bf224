import { createHash, randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../envelope';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ANY_REVISION, NO_STREAM, STREAM_EXISTS } from '../expected-revision';
import { revisionConflict } from '../decider/revision-conflict';

/**
 * TEST DOUBLE: an `EventStore` held in an array, for unit tests of deciders and projections only.
 * It follows the port's semantics closely enough for those tests (expected revisions, idempotent ids,
 * filters, positions) but is not an adapter: no durability, a non-canonical hash, and polling subscriptions.
 */
export class InMemoryEventStore implements EventStore {
  readonly name = 'in-memory (test double)';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  /** Set to make the next appends fail, e.g. to simulate a competing writer. */
  beforeAppend?: (streamId: string, events: NewEvent[]) => void | Promise<void>;

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    await this.beforeAppend?.(streamId, events);
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    const known = new Map(stream.map((e) => [e.eventId, e]));
    if (events.length > 0 && events.every((e) => e.eventId && known.has(e.eventId))) {
      return { nextRevision: current, lastPosition: known.get(events[events.length - 1].eventId!)!.position };
    }
    const expected = options.expectedRevision;
    const ok =
      expected === ANY_REVISION ||
      (expected === NO_STREAM && current === -1) ||
      (expected === STREAM_EXISTS && current >= 0) ||
      expected === current;
    if (!ok) throw revisionConflict(streamId, expected, current);
    let previousHash = stream.length ? stream[stream.length - 1].hash : null;
    for (const e of events) {
      const revision = stream.length;
      const content = { type: e.type, schemaVersion: e.schemaVersion ?? 1, data: e.data, metadata: e.metadata };
      const hash = createHash('sha256')
        .update(`${previousHash ?? ''}|${JSON.stringify(content)}`)
        .digest('hex');
      const recorded: RecordedEvent = structuredClone({
        eventId: e.eventId ?? randomUUID(),
        streamId,
        revision,
        position: this.log.length + 1,
        ...content,
        previousHash,
        hash,
      });
      stream.push(recorded);
      this.log.push(recorded);
      previousHash = hash;
    }
    this.streams.set(streamId, stream);
    return { nextRevision: stream.length - 1, lastPosition: this.log.length };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const backwards = options.direction === 'backwards';
    let events = backwards ? [...stream].reverse() : stream;
    if (options.fromRevision !== undefined) {
      const from = options.fromRevision;
      events = events.filter((e) => (backwards ? e.revision <= from : e.revision >= from));
    }
    return structuredClone(events.slice(0, options.maxCount ?? Infinity));
  }

  async streamRevision(streamId: string): Promise<number> {
    return (this.streams.get(streamId)?.length ?? 0) - 1;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let yielded = 0;
    for (const e of this.log.slice(options.fromPosition ?? 0)) {
      if (yielded >= (options.maxCount ?? Infinity)) return;
      const { streamPrefixes, eventTypes } = options.filter ?? {};
      if (streamPrefixes && !streamPrefixes.some((p) => e.streamId.startsWith(p))) continue;
      if (eventTypes && !eventTypes.includes(e.type)) continue;
      yielded++;
      yield structuredClone(e);
    }
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    let position = options.fromPosition ?? 0;
    let stopped = false;
    let caughtUp = false;
    const done = (async () => {
      try {
        while (!stopped) {
          const head = this.log.length;
          for await (const e of this.readAll({ fromPosition: position, filter: options.filter })) {
            if (stopped) return;
            await options.handler(e);
            position = e.position;
          }
          position = Math.max(position, head);
          if (!caughtUp) {
            caughtUp = true;
            options.onCaughtUp?.();
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      } catch (error) {
        options.onError?.(error);
      }
    })();
    return {
      get position() {
        return position;
      },
      stop: async () => {
        stopped = true;
        await done;
      },
      done,
    };
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
