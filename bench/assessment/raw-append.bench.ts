import { createEventStore, type EventStoreConfig, NO_STREAM, type RecordedEvent } from '@alliance/event-sourcing';

/**
 * The baseline: the very events the service wrote, appended straight to a fresh store of the same kind,
 * one stream each (as the service does), with no HTTP, validation, decision or read model.
 */
export async function benchRawAppend(config: EventStoreConfig, events: RecordedEvent[], concurrency: number): Promise<number> {
  const store = await createEventStore(config);
  try {
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < events.length) {
        const e = events[next++];
        await store.appendToStream(e.streamId, [{ type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], {
          expectedRevision: NO_STREAM,
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return performance.now() - started;
  } finally {
    await store.close();
  }
}
