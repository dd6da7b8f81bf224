import { contextException } from '@alliance/event-sourcing';

export type AssessmentErrorCode = ConstructorParameters<typeof AssessmentException>[0];

/**
 * The assessment context's only exception type. Codes are stable strings (`assessment.<rule>`) so clients, row
 * reports of a bulk upload and tests can branch on them. Its table lists every code the assessment context
 * answers with and its HTTP status, the one place a code gets its status.
 */
export class AssessmentException extends contextException('assessment', {
  'assessment.amendment-changes-nothing': 422,
  'assessment.amendment-reason-required': 422,
  'assessment.assessment-date-in-future': 422,
  'assessment.assessment-date-invalid': 422,
  'assessment.assessment-type-missing': 422,
  'assessment.batch-empty': 422,
  'assessment.batch-rejected': 422,
  'assessment.command-invalid': 422,
  'assessment.component-unknown': 422,
  'assessment.grade-missing': 422,
  'assessment.grade-outside-scheme': 422,
  'assessment.results-rejected': 422,
  'assessment.supervision-invalid': 422,
  // The request cannot be read: a malformed file, a wrong header.
  'assessment.batch-id-invalid': 400,
  'assessment.csv-header': 400,
  'assessment.csv-malformed': 400,
  'assessment.json-malformed': 400,
  'assessment.batch-not-found': 404,
  'assessment.enrolment-not-found': 404,
  'assessment.result-not-found': 404,
  'assessment.component-of-other-institution': 403,
  'assessment.member-removed': 403,
  'assessment.member-suspended': 403,
  'assessment.not-institution-staff': 403,
  'assessment.amendment-id-reused': 409,
  'assessment.batch-id-reused': 409,
  'assessment.enrolment-withdrawn': 409,
  'assessment.result-exists': 409,
  // Also what a lost race between two uploads of the same result id turns into: the id names one result.
  'assessment.result-id-reused': 409,
  'assessment.spec-unknown': 409,
  'assessment.batch-too-large': 413,
  'assessment.unsupported-media-type': 415,
}) {}
