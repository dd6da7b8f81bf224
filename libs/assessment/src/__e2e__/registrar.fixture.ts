import type { ServiceUnderTestOptions } from '@alliance/service-runtime';
import { type AssessmentApp, startAssessment } from './assessment-app';
import { AAU, facts } from './facts.fixture';

/** Publishes the definition and announces these enrolments on the service's bus; answers the bearer token of an AAU registrar. */
export async function aauRegistrarWithCohort(svc: AssessmentApp, enrolmentIds: string[]): Promise<string> {
  await facts(svc.bus).published();
  await facts(svc.bus).enrolled(enrolmentIds);
  return svc.bearer('registrar', AAU);
}

/** The service a suite runs against, with the bearer token of an AAU registrar of its cohort. */
export type AssessmentWithCohort = AssessmentApp & { aau: string };

/**
 * For the enclosing suite: assessment started with `options`, the definition published and these enrolments announced
 * (`aau` holds an AAU registrar's token), closed after the suite. Its fields are there from the suite's first test on.
 */
export function assessmentWithCohort(
  enrolmentIds: string[],
  options: ServiceUnderTestOptions = {},
  startBudgetMs = 60_000,
): AssessmentWithCohort {
  const suite = {} as AssessmentWithCohort;
  beforeAll(async () => {
    Object.assign(suite, await startAssessment(options));
    suite.aau = await aauRegistrarWithCohort(suite, enrolmentIds);
  }, startBudgetMs);
  afterAll(() => suite.close?.());
  return suite;
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
