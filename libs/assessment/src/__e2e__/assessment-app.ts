import { startServiceUnderTest, type ServiceUnderTest, type ServiceUnderTestOptions } from '@alliance/service-runtime';
import request from 'supertest';
import type { AssessmentConfig } from '../assessment.config';
import { ASSESSMENT_SERVICE } from '../assessment.context';

export interface AssessmentApp extends ServiceUnderTest<AssessmentConfig> {
  http: () => ReturnType<typeof request>;
}

/** The assessment service over HTTP on the embedded event store, with a bus the test publishes other contexts' facts on. */
export async function startAssessment(options: ServiceUnderTestOptions = {}): Promise<AssessmentApp> {
  const service = await startServiceUnderTest(ASSESSMENT_SERVICE, options);
  return { ...service, http: () => request(service.app.getHttpServer()) };
}
