import type { ServiceDescriptor } from '@alliance/service-runtime';
import { VerificationConfig } from './verification.config';
import { VerificationModule } from './verification.module';

export const VERIFICATION_SERVICE: ServiceDescriptor<VerificationConfig> = {
  name: 'verification',
  description: 'Public verification of co-issued credentials for employers',
  defaultPort: 3005,
  configSchema: VerificationConfig,
  module: (runtime) => VerificationModule.forRoot(runtime),
};
