import type { EventStore } from '../event-store.port';
import { EmbeddedEventStore } from './embedded/embedded-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { databaseOpenFailure } from './storage-fault/database-fault';

/** Which adapter to open, and where its events live. */
export type EventStoreConfig =
  | { kind: 'embedded'; dataDir: string; durability?: 'full' | 'normal' }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number; migrate?: boolean }
  | { kind: 'kurrentdb'; connectionString: string };

/** Opens the configured event store, ready to use (PostgreSQL migrations applied unless `migrate: false`). */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'embedded':
      return EmbeddedEventStore.open(config);
    case 'postgres':
      return PostgresEventStore.open(config).catch((error: unknown) => {
        throw databaseOpenFailure('the event store database', config.url, error);
      });
    case 'kurrentdb': {
      // Loaded on demand: the gRPC client takes over half a second to load, and most processes never need it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { KurrentDbEventStore } = require('./kurrentdb/kurrentdb-event-store') as typeof import('./kurrentdb/kurrentdb-event-store');
      return KurrentDbEventStore.open(config);
    }
    default:
      throw new Error(`Unknown event store kind ${(config as { kind: string }).kind}`);
  }
}
