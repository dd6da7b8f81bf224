import type { ReadModelDatabaseConfig, ReadModelOrm } from '@alliance/event-sourcing';
import { type ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel, serviceReadModelLocation, type ServiceReadModelSpec } from '@alliance/service-runtime';

export const ISSUANCE = 'issuance';
export const READ_MODEL_SCHEMA = 'issuance_read';

/** The location's URL pins connections to the schema, for the service and an auditor alike. */
const ISSUANCE_READ_MODEL: ServiceReadModelSpec = { service: ISSUANCE, schema: READ_MODEL_SCHEMA, pinning: 'url' };

/** PGlite under DATA_DIR/issuance/read-model when embedded; the service's own PostgreSQL schema when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return serviceReadModelLocation(config, ISSUANCE_READ_MODEL);
}

/** Opens issuance's database: its read models, and the sealed key vault beside them. */
export function openIssuanceDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  return openServiceReadModel(config, ISSUANCE_READ_MODEL);
}
