import type { AllFilter, EventStore } from '../event-store.port';
import type { RecordedEvent } from '../envelope';

export interface ReadBatch {
  events: RecordedEvent[];
  /** Where the checkpoint may move once `events` are applied. */
  target: number;
  /** The batch hit `maxCount`, so more matching events may follow at once. */
  full: boolean;
  head: number;
}

/**
 * Reads the next matching events after `from`. The head is read first: a short batch then holds every
 * matching event up to it, so the checkpoint may move past the non-matching tail and lag reads 0.
 */
export async function readBatch(store: EventStore, from: number, filter: AllFilter, maxCount: number): Promise<ReadBatch> {
  const head = await store.headPosition();
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll({ fromPosition: from, filter, maxCount, batchSize: maxCount })) {
    events.push(e);
    if (events.length >= maxCount) break;
  }
  const full = events.length >= maxCount;
  const last = events.length ? events[events.length - 1].position : from;
  return { events, target: full ? last : Math.max(last, head), full, head };
}
