import { type LocatedProjection, schemaPinnedLocation } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';
import { ISSUANCE, READ_MODEL_SCHEMA, readModelLocation } from './infrastructure/issuance-database';
import { awardTracksProjection } from './infrastructure/projections/award-tracks.projection';
import { credentialsProjection } from './infrastructure/projections/credentials.projection';
import { statusListsProjection } from './infrastructure/projections/status-lists.projection';

/** Issuance's read models an auditor may rebuild from its events and compare with the live ones. */
export function issuanceAuditedReadModels(config: ServiceConfig): LocatedProjection[] {
  const readModel = schemaPinnedLocation(readModelLocation(config), READ_MODEL_SCHEMA);
  return [credentialsProjection, statusListsProjection, awardTracksProjection].map((projection) => ({ store: ISSUANCE, projection, readModel }));
}
