import type { DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@alliance/nest-kit';
import type { ServiceRuntime } from './service-runtime';

/** What a bounded context tells the executables about itself: enough to run it alone or inside the platform. */
export interface ServiceDescriptor<C extends ServiceConfig = ServiceConfig> {
  name: string;
  description: string;
  defaultPort: number;
  /** The configuration class: ServiceConfig or a subclass with the context's own settings. */
  configSchema: new () => C;
  /** The context's Nest module, wired to the runtime's event store and bus. */
  module(runtime: ServiceRuntime<C>): DynamicModule;
}
