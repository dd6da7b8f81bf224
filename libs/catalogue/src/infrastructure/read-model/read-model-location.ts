import type { ReadModelDatabaseConfig, ReadModelOrm } from '@alliance/event-sourcing';
import { type ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel, serviceReadModelLocation, type ServiceReadModelSpec } from '@alliance/service-runtime';
import { catalogueProjection } from './catalogue.projection';

/** The catalogue's own schema in a PostgreSQL database that other services may share. */
export const READ_MODEL_SCHEMA = 'catalogue_read';

/**
 * On PostgreSQL every pooled connection is pinned to the catalogue's schema (search_path), so the projection
 * kernel's unqualified SQL (tables, checkpoints, comparisons) stays there.
 */
const CATALOGUE_READ_MODEL: ServiceReadModelSpec = { service: 'catalogue', schema: READ_MODEL_SCHEMA, pinning: 'connection' };

/** PGlite under DATA_DIR/catalogue/read-model when embedded; the DATABASE_URL database when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return serviceReadModelLocation(config, CATALOGUE_READ_MODEL);
}

/** Opens the read model database, with the catalogue projection's read models registered for the queries. */
export function openReadModelOrm(config: ServiceConfig): Promise<ReadModelOrm> {
  return openServiceReadModel(config, { ...CATALOGUE_READ_MODEL, orm: { projections: [catalogueProjection] } });
}
