import { startServiceUnderTest, type ServiceUnderTest, type ServiceUnderTestOptions } from '@alliance/service-runtime';
import request from 'supertest';
import type { EnrolmentConfig } from '../enrolment.config';
import { ENROLMENT_SERVICE } from '../enrolment.context';

export interface EnrolmentApp extends ServiceUnderTest<EnrolmentConfig> {
  http: () => ReturnType<typeof request>;
}

/** The enrolment service over HTTP on the embedded event store, with a bus the test publishes other contexts' facts on. */
export async function startEnrolment(options: ServiceUnderTestOptions = {}): Promise<EnrolmentApp> {
  const service = await startServiceUnderTest(ENROLMENT_SERVICE, options);
  return { ...service, http: () => request(service.app.getHttpServer()) };
}
