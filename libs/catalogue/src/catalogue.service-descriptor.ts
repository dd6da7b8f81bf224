import { type ServiceDescriptor, ServiceConfig } from '@alliance/nest-kit';
import { CatalogueModule } from './catalogue.module';

export const CATALOGUE_SERVICE: ServiceDescriptor = {
  name: 'catalogue',
  description: 'Alliance registry (institutions, DIDs, signing keys) and joint micro-credential definitions',
  defaultPort: 3001,
  configSchema: ServiceConfig,
  module: (runtime) => CatalogueModule.forRoot(runtime),
};
