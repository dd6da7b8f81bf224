import type { RecordedEvent } from '../envelope';
import type { ReadAllOptions } from '../event-store.port';
import type { PageReader } from './subscription/polling-subscription';

/**
 * Streams the log with keyset pagination (`position > last`), reading the next page while the
 * caller consumes the current one, and stopping at the first short page: the head as readers see it.
 */
export async function* readAllPages(
  options: ReadAllOptions,
  defaultBatchSize: number,
  readPage: PageReader,
): AsyncGenerator<RecordedEvent> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  let after = options.fromPosition ?? 0;
  if (remaining <= 0) return;
  let next = readPage(after, Math.min(batchSize, remaining), options.filter);
  try {
    while (true) {
      const page = await next;
      const limit = Math.min(batchSize, remaining);
      const events = page.events;
      const more = events.length >= limit && remaining - events.length > 0;
      if (events.length > 0) after = events[events.length - 1].position;
      remaining -= events.length;
      if (more) {
        next = readPage(after, Math.min(batchSize, remaining), options.filter);
        // Consumers may stop early; the prefetched page must not surface as an unhandled rejection.
        next.catch(() => undefined);
      }
      for (const event of events) yield event;
      if (!more) return;
    }
  } finally {
    next.catch(() => undefined);
  }
}
