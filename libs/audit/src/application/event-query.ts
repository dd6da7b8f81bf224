import type { RecordedEvent } from '@alliance/event-sourcing';
import type { AuditedEvent, AuditSource } from './audit-source';
import { type EventFilter, matches } from './event-filter';
import { AuditException } from '../domain/audit.exception';

/** Per-store positions already returned: an opaque cursor for the next page. */
export type Cursor = Record<string, number>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor {
  if (!text) return {};
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Object.values(parsed).some((v) => typeof v !== 'number')) throw new Error();
    return parsed as Cursor;
  } catch {
    throw new AuditException('audit.invalid-cursor', 'cursor is not one this service issued; start again without it', 'cursor');
  }
}

/**
 * Streams the events of every selected store that match the filter, merged in occurred-at order
 * (each store is read in its own position order, which is its commit order).
 */
export async function* queryEvents(sources: AuditSource[], filter: EventFilter, cursor: Cursor = {}): AsyncGenerator<AuditedEvent> {
  const selected = sources.filter((s) => !filter.stores?.length || filter.stores.includes(s.name));
  const heads = await Promise.all(
    selected.map(async (source) => {
      const iterator = readSource(source, filter, cursor[source.name] ?? 0)[Symbol.asyncIterator]();
      return { source, iterator, next: await nextMatching(iterator, filter) };
    }),
  );
  for (;;) {
    let best: (typeof heads)[number] | undefined;
    for (const h of heads) {
      if (h.next && (!best || h.next.metadata.occurredAt < best.next!.metadata.occurredAt)) best = h;
    }
    if (!best) return;
    const event = best.next!;
    best.next = await nextMatching(best.iterator, filter);
    yield { store: best.source.name, event };
  }
}

/** One stream is read by its id (an index lookup); anything else is a filtered scan of the log. */
function readSource(source: AuditSource, filter: EventFilter, after: number): AsyncIterable<RecordedEvent> {
  if (filter.streamId) {
    const streamId = filter.streamId;
    return (async function* () {
      for (const e of await source.store.readStream(streamId)) if (e.position > after) yield e;
    })();
  }
  return source.store.readAll({
    fromPosition: after,
    filter: {
      ...(filter.eventTypes?.length ? { eventTypes: filter.eventTypes } : {}),
      ...(filter.streamPrefix ? { streamPrefixes: [filter.streamPrefix] } : {}),
    },
  });
}

async function nextMatching(iterator: AsyncIterator<RecordedEvent>, filter: EventFilter): Promise<RecordedEvent | undefined> {
  for (;;) {
    const r = await iterator.next();
    if (r.done) return undefined;
    if (matches(filter, r.value)) return r.value;
  }
}

/** One page of a query and the cursor of the next one (absent at the end). */
export async function queryPage(sources: AuditSource[], filter: EventFilter, limit: number, cursorText?: string) {
  const cursor = decodeCursor(cursorText);
  const items: AuditedEvent[] = [];
  const next: Cursor = { ...cursor };
  const iterator = queryEvents(sources, filter, cursor);
  for await (const item of iterator) {
    if (items.length === limit) {
      await iterator.return(undefined);
      return { items, nextCursor: encodeCursor(next) };
    }
    items.push(item);
    next[item.store] = item.event.position;
  }
  return { items, nextCursor: undefined };
}
