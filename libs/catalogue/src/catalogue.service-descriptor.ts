import type { ServiceDescriptor } from '@alliance/service-runtime';
import { CatalogueConfig } from './catalogue.config';
import { CatalogueModule } from './catalogue.module';

export const CATALOGUE_SERVICE: ServiceDescriptor<CatalogueConfig> = {
  name: 'catalogue',
  description: 'Alliance registry (institutions, DIDs, signing keys) and joint micro-credential definitions',
  defaultPort: 3001,
  configSchema: CatalogueConfig,
  module: (runtime) => CatalogueModule.forRoot(runtime),
};
