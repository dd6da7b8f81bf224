import { createEventStore, type EventStoreConfig } from '@alliance/event-sourcing';

/**
 * The PostgreSQL event store in the test database (the distributed mode's store), or the embedded one in
 * `dir` when the PostgreSQL adapter cannot be opened. The relay only relies on the port, so its tests stay
 * meaningful on either; the fallback is reported so it is never silent.
 */
export async function testEventStoreConfig(databaseUrl: string, dir: string): Promise<EventStoreConfig> {
  const postgres: EventStoreConfig = { kind: 'postgres', url: databaseUrl, schema: 'events' };
  try {
    const store = await createEventStore(postgres);
    await store.close();
    return postgres;
  } catch (error) {
    process.stderr.write(
      `{"level":"warn","msg":"PostgreSQL event store unavailable, relay test uses the embedded store","error":${JSON.stringify((error as Error).message)}}\n`,
    );
    return { kind: 'embedded', dataDir: dir, durability: 'normal' };
  }
}
