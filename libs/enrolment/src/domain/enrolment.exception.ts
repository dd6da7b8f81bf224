import { contextException } from '@alliance/event-sourcing';

export type EnrolmentErrorCode = ConstructorParameters<typeof EnrolmentException>[0];

/**
 * The enrolment context's only exception type. Codes are stable strings (`enrolment.<rule>`) so clients and tests
 * can branch on them; the shared filter maps it to problem+json. Its table lists every code the enrolment context
 * answers with and its HTTP status, the one place a code gets its status.
 */
export class EnrolmentException extends contextException('enrolment', {
  'enrolment.command-invalid': 422,
  'enrolment.consent-in-future': 422,
  'enrolment.consent-invalid': 422,
  'enrolment.institution-not-awarding-body': 422,
  'enrolment.institution-not-member': 422,
  'enrolment.prerequisites-not-met': 422,
  'enrolment.transfer-not-newer': 422,
  'enrolment.transfer-other-definition': 422,
  'enrolment.enrolment-not-found': 404,
  'enrolment.learner-not-found': 404,
  'enrolment.erasure-not-allowed': 403,
  'enrolment.member-removed': 403,
  'enrolment.member-suspended': 403,
  'enrolment.other-institution': 403,
  'enrolment.duplicate-active-enrolment': 409,
  'enrolment.enrolment-id-taken': 409,
  'enrolment.erasure-shared-learner': 409,
  'enrolment.not-active': 409,
  'enrolment.spec-not-published': 409,
  'enrolment.spec-retired': 409,
  'enrolment.spec-version-superseded': 409,
  // The learner's personal data was erased; nothing more can be recorded for them.
  'enrolment.learner-erased': 410,
}) {}
