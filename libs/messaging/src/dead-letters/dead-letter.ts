import type { WireRecord } from '../codec/wire-record';

/** A message one consumer group gave up on, with everything needed to understand and replay it. */
export interface DeadLetter {
  /** Stable id the operator passes to `replayDeadLetter`, e.g. `issuance/42`. */
  id: string;
  group: string;
  /** Where the message was consumed from. */
  topic: string;
  partition?: number;
  offset?: string;
  /** The original record, byte for byte as far as the adapter allows (headers, key, raw value). */
  original: WireRecord;
  /** Human-readable reason, e.g. `unknown-version: catalogue.credential-spec.published v9 ...`. */
  reason: string;
  error: { name: string; message: string; stack?: string };
  attempts: number;
  failedAt: string;
  /** Set once the operator replayed it. */
  replayedAt?: string;
}

export interface DeadLetterFilter {
  group?: string;
  /** Replayed dead letters are hidden unless asked for. */
  includeReplayed?: boolean;
}

/** Where an adapter keeps dead letters (Kafka: a dead-letter topic per group; in-process: memory and a file). */
export interface DeadLetterQueue {
  list(filter?: DeadLetterFilter): Promise<DeadLetter[]>;
  /**
   * Delivers the original message again to its group only (other groups are not disturbed) and marks the
   * dead letter replayed. The group's handler must be running for the message to be processed.
   */
  replay(id: string): Promise<DeadLetter>;
}

export class DeadLetterNotFoundError extends Error {
  override readonly name = 'DeadLetterNotFoundError';
  constructor(readonly id: string) {
    super(`no dead letter with id "${id}"`);
  }
}
