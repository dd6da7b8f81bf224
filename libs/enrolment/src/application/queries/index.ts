import { GetEnrolmentHandler } from './get-enrolment';
import { LearnerAuditTrailHandler } from './learner-audit-trail';
import { ListEnrolmentsHandler } from './list-enrolments';

export * from './enrolment-view';
export * from './get-enrolment';
export * from './learner-audit-trail';
export * from './list-enrolments';

export const ENROLMENT_QUERY_HANDLERS = [GetEnrolmentHandler, ListEnrolmentsHandler, LearnerAuditTrailHandler];
