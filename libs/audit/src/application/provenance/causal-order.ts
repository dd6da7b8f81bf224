import type { TracedEvent } from './history-reader';

/**
 * Orders events gathered from several stores so every cause comes before its effects: within a stream by
 * revision, across services by causation id (an effect names the event that caused it), and otherwise by
 * occurred-at, then store and position. Clocks of different services may disagree by a little; the causal
 * links win over the clocks.
 */
export function causalOrder(events: TracedEvent[], storeOrder: string[] = []): TracedEvent[] {
  const unique = dedupe(events);
  const byId = new Map(unique.map((t) => [t.event.eventId, t]));
  const predecessors = new Map<TracedEvent, Set<TracedEvent>>(unique.map((t) => [t, new Set()]));
  const lastOfStream = new Map<string, TracedEvent[]>();
  for (const t of unique) {
    const key = `${t.store}/${t.event.streamId}`;
    lastOfStream.set(key, [...(lastOfStream.get(key) ?? []), t]);
    const cause = t.event.metadata.causationId ? byId.get(t.event.metadata.causationId) : undefined;
    if (cause && cause !== t) predecessors.get(t)!.add(cause);
  }
  for (const group of lastOfStream.values()) {
    group.sort((a, b) => a.event.revision - b.event.revision);
    for (let i = 1; i < group.length; i++) predecessors.get(group[i]!)!.add(group[i - 1]!);
  }
  const rank = (t: TracedEvent) => storeOrder.indexOf(t.store);
  const before = (a: TracedEvent, b: TracedEvent) =>
    a.event.metadata.occurredAt !== b.event.metadata.occurredAt
      ? a.event.metadata.occurredAt < b.event.metadata.occurredAt
      : rank(a) !== rank(b)
        ? rank(a) < rank(b)
        : a.event.position < b.event.position;
  const done = new Set<TracedEvent>();
  const ordered: TracedEvent[] = [];
  while (ordered.length < unique.length) {
    let next: TracedEvent | undefined;
    for (const t of unique) {
      if (done.has(t) || [...predecessors.get(t)!].some((p) => !done.has(p))) continue;
      if (!next || before(t, next)) next = t;
    }
    // A cycle cannot come from real causation; if the data holds one, fall back to time for the rest.
    next ??= unique.filter((t) => !done.has(t)).reduce((a, b) => (before(a, b) ? a : b));
    done.add(next);
    ordered.push(next);
  }
  return ordered;
}

function dedupe(events: TracedEvent[]): TracedEvent[] {
  const seen = new Set<string>();
  return events.filter((t) => {
    const key = `${t.store}/${t.event.eventId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
