import type { ServiceDescriptor } from '@alliance/service-runtime';
import { IssuanceConfig } from './issuance.config';
import { IssuanceModule } from './issuance.module';

export const ISSUANCE_SERVICE: ServiceDescriptor<IssuanceConfig> = {
  name: 'issuance',
  description: 'Co-issued Open Badges 3.0 credentials, signing policies and status lists',
  defaultPort: 3004,
  configSchema: IssuanceConfig,
  module: (runtime) => IssuanceModule.forRoot(runtime),
};
