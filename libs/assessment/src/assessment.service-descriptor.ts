import type { ServiceDescriptor } from '@alliance/service-runtime';
import { AssessmentConfig } from './assessment.config';
import { AssessmentModule } from './assessment.module';

export const ASSESSMENT_SERVICE: ServiceDescriptor<AssessmentConfig> = {
  name: 'assessment',
  description: "Assessment results published by partner universities' registrars",
  defaultPort: 3003,
  configSchema: AssessmentConfig,
  module: (runtime) => AssessmentModule.forRoot(runtime),
};
