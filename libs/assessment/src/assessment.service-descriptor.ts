import { type ServiceDescriptor, ServiceConfig } from '@alliance/nest-kit';
import { AssessmentModule } from './assessment.module';

export const ASSESSMENT_SERVICE: ServiceDescriptor = {
  name: 'assessment',
  description: "Assessment results published by partner universities' registrars",
  defaultPort: 3003,
  configSchema: ServiceConfig,
  module: (runtime) => AssessmentModule.forRoot(runtime),
};
