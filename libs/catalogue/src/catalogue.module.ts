import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';

/** The catalogue bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class CatalogueModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return { module: CatalogueModule, providers: [{ provide: 'SERVICE_NAME', useValue: runtime.service }] };
  }
}
