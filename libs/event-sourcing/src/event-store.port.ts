import type { ExpectedRevision } from './expected-revision';
import type { NewEvent, RecordedEvent } from './envelope';

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  nextRevision: number;
  /** Global position of the last appended event (of the existing one when the append was a no-op). */
  lastPosition: number;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive start revision; default 0 forwards, the end backwards. */
  fromRevision?: number;
  maxCount?: number;
  /** Check the hash chain inside the returned slice; a broken link throws `HashChainBrokenError`. */
  verifyHashes?: boolean;
}

export interface AllFilter {
  /** Only streams whose id starts with one of these prefixes. */
  streamPrefixes?: string[];
  /** Only these event types. */
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events with position > fromPosition. 0 = from the beginning. */
  fromPosition?: number;
  filter?: AllFilter;
  maxCount?: number;
  /** Page size used internally when streaming. */
  batchSize?: number;
}

export interface SubscribeOptions extends Omit<ReadAllOptions, 'maxCount'> {
  /** Called for every event, in position order; the next event waits until the promise settles (back-pressure). */
  handler: (event: RecordedEvent) => Promise<void> | void;
  /** Called once the catch-up phase reached the head of the log. */
  onCaughtUp?: () => void;
  /** Called when the subscription stops because a handler or the store failed. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Position of the last event handled. */
  readonly position: number;
  /** Stops after the event being handled, if any. */
  stop(): Promise<void>;
  /** Settles when the subscription ends (stop() or error). */
  readonly done: Promise<void>;
}

/** The port every event store adapter implements; one contract suite checks them all. */
export interface EventStore {
  readonly name: string;
  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current revision of a stream, or -1 when it does not exist. */
  streamRevision(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catch-up then live subscription to the whole log. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Position of the last event readers may see (the head). */
  headPosition(): Promise<number>;
  /** Is the store reachable? Used by /health/ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
