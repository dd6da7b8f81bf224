import { type ServiceDescriptor, ServiceConfig } from '@alliance/nest-kit';
import { VerificationModule } from './verification.module';

export const VERIFICATION_SERVICE: ServiceDescriptor = {
  name: 'verification',
  description: 'Public verification of co-issued credentials for employers',
  defaultPort: 3005,
  configSchema: ServiceConfig,
  module: (runtime) => VerificationModule.forRoot(runtime),
};
