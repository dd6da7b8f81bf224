import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';

/** The audit bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class AuditModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return { module: AuditModule, providers: [{ provide: 'SERVICE_NAME', useValue: runtime.service }] };
  }
}
