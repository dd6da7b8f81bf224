import { type LocatedProjection, schemaPinnedLocation } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';
import { AssessmentDatabase, READ_MODEL_SCHEMA } from './infrastructure/assessment-database';
import { resultsProjection } from './infrastructure/read-model/results.projection';

/** Assessment's read models an auditor may rebuild from its events and compare with the live ones. */
export function assessmentAuditedReadModels(config: ServiceConfig): LocatedProjection[] {
  return [
    {
      store: 'assessment',
      projection: resultsProjection,
      readModel: schemaPinnedLocation(AssessmentDatabase.location(config), READ_MODEL_SCHEMA),
    },
  ];
}
