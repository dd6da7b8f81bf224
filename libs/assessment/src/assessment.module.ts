import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';

/** The assessment bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class AssessmentModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return { module: AssessmentModule, providers: [{ provide: 'SERVICE_NAME', useValue: runtime.service }] };
  }
}
