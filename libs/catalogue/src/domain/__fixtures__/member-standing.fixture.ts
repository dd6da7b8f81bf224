import type { InstitutionEvent } from '../institution/institution.events';
import { ID, T1 } from './institution-history.fixture';

/** The member of the institution specs leaving good standing at T1: suspended, or removed. */
export const suspended: InstitutionEvent = {
  type: 'InstitutionSuspended',
  data: { institutionId: ID, reason: 'QA review', suspendedAt: T1.toISOString() },
};
export const removed: InstitutionEvent = {
  type: 'InstitutionRemoved',
  data: { institutionId: ID, reason: 'left', removedAt: T1.toISOString() },
};
