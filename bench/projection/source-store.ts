import { createEventStore, NO_STREAM, type EventStore, type EventStoreConfig, type NewEvent } from '@alliance/event-sourcing';

export interface SourceStore {
  name: string;
  store: EventStore;
  close(): Promise<void>;
}

/** Opens the log both contenders replay and fills it once, so both read exactly the same events. */
export async function openSourceStore(config: EventStoreConfig, events: number): Promise<SourceStore> {
  const store = await createEventStore(config);
  await fill(store, events);
  return { name: store.name, store, close: () => store.close() };
}

async function fill(store: EventStore, events: number): Promise<void> {
  const perStream = 50;
  const metadata = { occurredAt: new Date(0).toISOString(), actor: { subject: 'bench' }, correlationId: 'bench' };
  for (let written = 0; written < events;) {
    const stream = `bench.items-${Math.floor(written / perStream)}`;
    const batch: NewEvent[] = [];
    for (let i = 0; i < perStream && written < events; i++, written++) {
      // Half as many items as events: every item is inserted once and updated once.
      batch.push({ type: 'bench.item-recorded', data: { itemId: `item-${written % Math.ceil(events / 2)}`, amount: written }, metadata });
    }
    await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
  }
}
