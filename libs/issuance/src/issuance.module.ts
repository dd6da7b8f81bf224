import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';

/** The issuance bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class IssuanceModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return { module: IssuanceModule, providers: [{ provide: 'SERVICE_NAME', useValue: runtime.service }] };
  }
}
