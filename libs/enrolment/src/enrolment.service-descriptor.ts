import { type ServiceDescriptor, ServiceConfig } from '@alliance/nest-kit';
import { EnrolmentModule } from './enrolment.module';

export const ENROLMENT_SERVICE: ServiceDescriptor = {
  name: 'enrolment',
  description: 'Learner enrolments in published credential definitions, consent and erasure',
  defaultPort: 3002,
  configSchema: ServiceConfig,
  module: (runtime) => EnrolmentModule.forRoot(runtime),
};
