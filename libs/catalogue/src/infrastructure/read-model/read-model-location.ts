import { join } from 'node:path';
import type { ReadModelDatabaseConfig } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';

/** PGlite under DATA_DIR/catalogue/read-model when embedded; the service's PostgreSQL schema when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  if (config.READ_MODEL === 'postgres') {
    const url = new URL(config.DATABASE_URL!);
    // One schema per service: the catalogue's tables never mix with another service's in a shared database.
    url.searchParams.set('options', `-c search_path=${READ_MODEL_SCHEMA}`);
    return { kind: 'postgres', url: url.toString() };
  }
  return { kind: 'pglite', dataDir: join(config.DATA_DIR, 'catalogue', 'read-model') };
}

export const READ_MODEL_SCHEMA = 'catalogue_read';
