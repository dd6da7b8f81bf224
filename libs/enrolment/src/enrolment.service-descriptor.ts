import type { ServiceDescriptor } from '@alliance/service-runtime';
import { EnrolmentConfig } from './enrolment.config';
import { EnrolmentModule } from './enrolment.module';

export const ENROLMENT_SERVICE: ServiceDescriptor<EnrolmentConfig> = {
  name: 'enrolment',
  description: 'Learner enrolments in published credential definitions, consent and erasure',
  defaultPort: 3002,
  configSchema: EnrolmentConfig,
  module: (runtime) => EnrolmentModule.forRoot(runtime),
};
