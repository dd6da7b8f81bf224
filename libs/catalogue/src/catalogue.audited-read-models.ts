import { type LocatedProjection, schemaPinnedLocation } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';
import { catalogueProjection } from './infrastructure/read-model/catalogue.projection';
import { READ_MODEL_SCHEMA, readModelLocation } from './infrastructure/read-model/read-model-location';

/** The catalogue's read models an auditor may rebuild from its events and compare with the live ones. */
export function catalogueAuditedReadModels(config: ServiceConfig): LocatedProjection[] {
  return [
    { store: 'catalogue', projection: catalogueProjection, readModel: schemaPinnedLocation(readModelLocation(config), READ_MODEL_SCHEMA) },
  ];
}
