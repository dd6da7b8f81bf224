import type { RecordedEvent } from '@alliance/event-sourcing';

/** What an auditor can ask for; every field narrows the result. */
export interface EventFilter {
  stores?: string[];
  streamId?: string;
  streamPrefix?: string;
  eventTypes?: string[];
  /** Inclusive ISO instants on the events' occurred-at. */
  from?: string;
  to?: string;
  correlationId?: string;
  actor?: string;
  institution?: string;
}

export function matches(filter: EventFilter, event: RecordedEvent): boolean {
  const m = event.metadata;
  if (filter.streamId && event.streamId !== filter.streamId) return false;
  if (filter.streamPrefix && !event.streamId.startsWith(filter.streamPrefix)) return false;
  if (filter.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter.from && m.occurredAt < filter.from) return false;
  if (filter.to && m.occurredAt > filter.to) return false;
  if (filter.correlationId && m.correlationId !== filter.correlationId) return false;
  if (filter.actor && m.actor?.subject !== filter.actor) return false;
  if (filter.institution && m.institution !== filter.institution && m.actor?.institution !== filter.institution) return false;
  return true;
}
