import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';

/** The verification bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class VerificationModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return { module: VerificationModule, providers: [{ provide: 'SERVICE_NAME', useValue: runtime.service }] };
  }
}
