import { type ServiceDescriptor, ServiceConfig } from '@alliance/nest-kit';
import { IssuanceModule } from './issuance.module';

export const ISSUANCE_SERVICE: ServiceDescriptor = {
  name: 'issuance',
  description: 'Co-issued Open Badges 3.0 credentials, signing policies and status lists',
  defaultPort: 3004,
  configSchema: ServiceConfig,
  module: (runtime) => IssuanceModule.forRoot(runtime),
};
