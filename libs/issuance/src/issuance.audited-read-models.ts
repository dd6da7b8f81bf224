import type { LocatedProjection } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';
import { ISSUANCE, readModelLocation } from './infrastructure/issuance-database';
import { awardTracksProjection } from './infrastructure/projections/award-tracks.projection';
import { credentialsProjection } from './infrastructure/projections/credentials.projection';
import { statusListsProjection } from './infrastructure/projections/status-lists.projection';

/** Issuance's read models an auditor may rebuild from its events and compare with the live ones. */
export function issuanceAuditedReadModels(config: ServiceConfig): LocatedProjection[] {
  const readModel = readModelLocation(config); // already pinned to issuance's schema
  return [credentialsProjection, statusListsProjection, awardTracksProjection].map((projection) => ({
    store: ISSUANCE,
    projection,
    readModel,
  }));
}
