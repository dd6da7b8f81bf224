import type { EventStore } from '../event-store.port';
import type { ReadModelOrm } from '../read-model/create-read-model-orm';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
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
  /** Pause between polls once at the head (default 200 ms). */
  pollIntervalMs?: number;
  /** Longest pause between retries of a failing batch (default 30 s). */
  maxRetryDelayMs?: number;
  onProgress?: (progress: ProjectionProgress) => void;
  /** A batch failed; it is rolled back and retried with back-off, never skipped. */
  onError?: (error: unknown, position: number) => void;
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
  position: number;
  /** True when the batch reached the head seen before reading it. */
  atHead: boolean;
}

export type ProjectionStatus = 'stopped' | 'catching-up' | 'live' | 'failing';
