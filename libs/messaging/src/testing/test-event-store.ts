import { createEventStore, type EventStoreConfig } from '@alliance/event-sourcing';

/**
 * The PostgreSQL event store in the test database (the distributed mode's store); the embedded one in
 * `dir` on a build whose store factory has no PostgreSQL adapter.
 */
export async function testEventStoreConfig(databaseUrl: string, dir: string): Promise<EventStoreConfig> {
  const postgres: EventStoreConfig = { kind: 'postgres', url: databaseUrl, schema: 'events' };
  try {
    const store = await createEventStore(postgres);
    await store.close();
    return postgres;
  } catch (error) {
    if (/unknown event store kind/i.test((error as Error).message)) return { kind: 'embedded', dataDir: dir, durability: 'normal' };
    throw error;
  }
}
