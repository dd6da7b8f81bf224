import type { RecordedEvent } from '../envelope';
import { describeStorageFault } from '../store/storage-fault/storage-fault.error';
import type { ParkedEvent } from './parked-events';

/** A handler's failures on one event, attempt after attempt. */
export interface HandlerFailure {
  attempts: number;
  error: unknown;
}

const DEFAULT_PARK_AFTER_ATTEMPTS = 3;

/**
 * What a projection runner remembers of its handlers' failures between retries of a batch: how often each event
 * failed, so that one that still cannot be applied after `parkAfter` attempts (default 3) is parked instead of
 * retried for ever. `false` never parks.
 */
export class HandlerFailures {
  private readonly failures = new Map<string, HandlerFailure>();
  readonly parkAfter: number | false;

  constructor(
    private readonly projection: string,
    parkAfterAttempts: number | false | undefined,
  ) {
    this.parkAfter = parkAfterAttempts === false ? false : Math.max(1, parkAfterAttempts ?? DEFAULT_PARK_AFTER_ATTEMPTS);
  }

  /** The failure to park `event` for: it has failed `parkAfter` times. */
  dueForParking(event: RecordedEvent): HandlerFailure | undefined {
    const failure = this.failures.get(event.eventId);
    return failure && this.parkAfter !== false && failure.attempts >= this.parkAfter ? failure : undefined;
  }

  /**
   * Counts a handler's failure on `event`; true when it counts towards parking. A full or read-only disk is not
   * the event's fault: the batch is retried with back-off until the storage takes writes again, and the event is
   * never parked for it (parking would drop it from the read model).
   */
  note(event: RecordedEvent, error: unknown): boolean {
    if (describeStorageFault(error)) return false;
    const failure = this.failures.get(event.eventId) ?? { attempts: 0, error };
    failure.attempts++;
    failure.error = error;
    this.failures.set(event.eventId, failure);
    return this.parkAfter !== false;
  }

  /** A batch committed: every event before it was applied or parked. */
  clear(): void {
    this.failures.clear();
  }

  describe(event: RecordedEvent, failure: HandlerFailure): ParkedEvent {
    const error = failure.error;
    return {
      projection: this.projection,
      eventId: event.eventId,
      position: event.position,
      streamId: event.streamId,
      type: event.type,
      reason: error instanceof Error ? error.message : String(error),
      errorName: error instanceof Error ? error.name : typeof error,
      attempts: failure.attempts,
      parkedAt: new Date().toISOString(),
    };
  }
}
