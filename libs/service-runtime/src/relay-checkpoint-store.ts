import { type CheckpointStore, FileCheckpointStore, PgCheckpointStore } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';

/**
 * Where a service's outbox relay keeps its position: beside its read models, in their PostgreSQL schema when
 * distributed, else in a folder under DATA_DIR.
 */
export function relayCheckpointStore(config: ServiceConfig, where: { schema: string; folder: string }): CheckpointStore {
  return config.READ_MODEL === 'postgres'
    ? new PgCheckpointStore({ url: config.DATABASE_URL!, schema: where.schema })
    : new FileCheckpointStore(where.folder);
}
