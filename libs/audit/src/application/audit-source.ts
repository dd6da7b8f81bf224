import type { EventStore, RecordedEvent } from '@alliance/event-sourcing';

/** One service's event store, read by the auditor (never written). */
export interface AuditSource {
  name: string;
  store: EventStore;
}

/** An event together with the store it was read from. */
export interface AuditedEvent {
  store: string;
  event: RecordedEvent;
}
