import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';

/** The enrolment bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class EnrolmentModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return { module: EnrolmentModule, providers: [{ provide: 'SERVICE_NAME', useValue: runtime.service }] };
  }
}
