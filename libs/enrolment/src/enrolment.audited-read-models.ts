import { type LocatedProjection, schemaPinnedLocation } from '@alliance/event-sourcing';
import type { ServiceConfig } from '@alliance/nest-kit';
import { EnrolmentDatabase, READ_MODEL_SCHEMA } from './infrastructure/enrolment-database';
import { enrolmentsProjection } from './infrastructure/read-model/enrolments.projection';

/** Enrolment's read models an auditor may rebuild from its events and compare with the live ones. */
export function enrolmentAuditedReadModels(config: ServiceConfig): LocatedProjection[] {
  return [
    {
      store: 'enrolment',
      projection: enrolmentsProjection,
      readModel: schemaPinnedLocation(EnrolmentDatabase.location(config), READ_MODEL_SCHEMA),
    },
  ];
}
