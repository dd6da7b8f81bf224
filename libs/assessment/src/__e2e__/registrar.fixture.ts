import type { AssessmentApp } from './assessment-app';
import { AAU, facts } from './facts.fixture';

/** Publishes the definition and announces these enrolments on the service's bus; answers the bearer token of an AAU registrar. */
export async function aauRegistrarWithCohort(svc: AssessmentApp, enrolmentIds: string[]): Promise<string> {
  await facts(svc.bus).published();
  await facts(svc.bus).enrolled(enrolmentIds);
  return svc.bearer('registrar', AAU);
}

/** A result of a supervised on-site exam, as a registrar sends it. */
export const examResult = (enrolmentId: string, componentCode = 'C1', grade = 8) => ({
  enrolmentId,
  componentCode,
  grade,
  assessedOn: '2026-06-01',
  assessmentType: 'exam',
  supervision: 'supervised-onsite-identity-verification',
});
