import type { EventStore } from '../event-store.port';
import type { ReadModelOrm } from '../read-model/create-read-model-orm';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import type { ParkedEvent } from './parked-events';
import type { ProjectionDefinition } from './projection';

export interface ProjectionRunnerOptions {
  store: EventStore;
  orm: ReadModelOrm;
  projection: ProjectionDefinition;
  /** Read model version to write; default the projection's own (a rebuild passes a fresh one). */
  version?: number;
  upcasters?: UpcasterRegistry;
  /** Events per transaction; the checkpoint moves to the last of each batch (default 500). */
  batchSize?: number;
  /**
   * Handler time (ms) after which a batch commits what it applied so far (at least 25 events) and leaves the rest
   * to the next batch; default none (batches end at `batchSize` events). Bounds how long the read model's own
   * queries wait behind a batch's transaction; batch boundaries then depend on the machine's speed.
   */
  maxBatchMs?: number;
  /** Pause between polls once at the head (default 200 ms). */
  pollIntervalMs?: number;
  /** Longest pause between retries of a failing batch (default 30 s). */
  maxRetryDelayMs?: number;
  /**
   * How many attempts in a row a handler may fail on the same event before the runner parks it (records it
   * with the error in `projection_parked_events`, moves past it, and goes on): default 3; `false` never parks,
   * and the projection then retries the event for ever. Only a handler's failure on a known event is parked:
   * the store, the database or an upcaster failing stops the batch as before.
   */
  parkAfterAttempts?: number | false;
  onProgress?: (progress: ProjectionProgress) => void;
  /** Milliseconds now, for judging progress (`readiness`); tests pass a fake clock. */
  clock?: () => number;
  /** A batch failed; it is rolled back whole and retried with back-off (until its failing event is parked). */
  onError?: (error: unknown, position: number) => void;
  /** An event was parked: see `parkAfterAttempts`. */
  onParked?: (event: ParkedEvent) => void;
}

export interface ProjectionProgress {
  checkpointName: string;
  /** Checkpoint after the batch. */
  position: number;
  /** Head seen when the batch was read. */
  head: number;
  /** Events handled in this batch, and since the runner was created. */
  handled: number;
  handledTotal: number;
}

export interface BatchResult {
  handled: number;
  /** Events of the batch parked instead of applied (see `parkAfterAttempts`). */
  parked?: number;
  position: number;
  /** True when the batch reached the head seen before reading it. */
  atHead: boolean;
}

export type ProjectionStatus = 'stopped' | 'catching-up' | 'live' | 'failing';
