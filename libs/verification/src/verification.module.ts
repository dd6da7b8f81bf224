import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/service-runtime';
import { VerifyCredentialHandler } from './application/commands/verify-credential';
import { VerificationAggregates } from './application/verification-aggregates';
import { VerificationsController } from './http/verifications.controller';
import { VerifyPageController } from './http/verify-page.controller';
import { VerificationEngine } from './infrastructure/verification-engine';
import { VerificationTallyFlusher } from './infrastructure/verification-tally-flusher';
import { VerificationLifecycle } from './infrastructure/verification-lifecycle';
import type { VerificationConfig } from './verification.config';
import { verificationProviders, type VerificationModuleOptions } from './verification.providers';

/** The verification bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class VerificationModule {
  static forRoot(runtime: ServiceRuntime<VerificationConfig>, options: VerificationModuleOptions = {}): DynamicModule {
    return {
      module: VerificationModule,
      controllers: [VerificationsController, VerifyPageController],
      providers: [
        { provide: 'SERVICE_NAME', useValue: runtime.service },
        ...verificationProviders(runtime, options),
        VerificationAggregates,
        VerifyCredentialHandler,
        VerificationEngine,
        VerificationTallyFlusher,
        VerificationLifecycle,
      ],
    };
  }
}
