import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/service-runtime';
import { ISSUANCE_COMMAND_HANDLERS } from './application/commands';
import { ISSUANCE_QUERY_HANDLERS } from './application/queries';
import { ContextsController } from './http/contexts.controller';
import { CredentialActionsController } from './http/credential-actions.controller';
import { CredentialsController } from './http/credentials.controller';
import { InstitutionSigningController } from './http/institution-signing.controller';
import { PublicController } from './http/public.controller';
import { SignatureStatusController } from './http/signature-status.controller';
import { SignerGatewayController } from './http/signer-gateway.controller';
import { IssuanceEngine, IssuanceSync } from './infrastructure/issuance-engine';
import { IssuanceLifecycle } from './infrastructure/issuance-lifecycle';
import type { IssuanceConfig } from './issuance.config';
import { issuanceProviders } from './issuance.providers';

/** The issuance bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class IssuanceModule {
  static forRoot(runtime: ServiceRuntime<IssuanceConfig>): DynamicModule {
    return {
      module: IssuanceModule,
      // ContextsController before PublicController: its GET /contexts (the index with the URLs credentials name) wins.
      controllers: [
        ContextsController,
        CredentialsController,
        CredentialActionsController,
        InstitutionSigningController,
        SignerGatewayController,
        SignatureStatusController,
        PublicController,
      ],
      providers: [
        { provide: 'SERVICE_NAME', useValue: runtime.service },
        ...issuanceProviders(runtime),
        ...ISSUANCE_COMMAND_HANDLERS,
        ...ISSUANCE_QUERY_HANDLERS,
        IssuanceEngine,
        { provide: IssuanceSync, useExisting: IssuanceEngine },
        IssuanceLifecycle,
      ],
    };
  }
}
