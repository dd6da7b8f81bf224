import { defineContext } from '@alliance/service-runtime';
import { ISSUANCE_COMMAND_HANDLERS } from './application/commands';
import { IssuanceAggregates } from './application/issuance-aggregates';
import { ISSUANCE_ORM } from './application/issuance.tokens';
import { ISSUANCE_QUERY_HANDLERS } from './application/queries';
import { ContextsController } from './http/contexts.controller';
import { CredentialActionsController } from './http/credential-actions.controller';
import { CredentialSharesController } from './http/credential-shares.controller';
import { CredentialsController } from './http/credentials.controller';
import { CredentialPdfController } from './http/credential-pdf.controller';
import { LearnerOverviewController } from './http/learner-overview.controller';
import { LearnerPageController } from './http/learner-page.controller';
import { LearnerSignInController } from './http/learner-sign-in.controller';
import { InstitutionSigningController } from './http/institution-signing.controller';
import { PublicController } from './http/public.controller';
import { SharedCredentialsController } from './http/shared-credentials.controller';
import { SignatureStatusController } from './http/signature-status.controller';
import { SignerGatewayController } from './http/signer-gateway.controller';
import { StatusListTokenController } from './http/status-list-token.controller';
import { WalletIssuerController } from './http/wallet-issuer.controller';
import { WalletOffersController } from './http/wallet-offers.controller';
import { IssuanceEngine, IssuanceSync } from './infrastructure/issuance-engine';
import { IssuanceConfig } from './issuance.config';
import { issuanceProviders } from './issuance.providers';

/** The issuance context: awards, co-signed credentials, signing policies, status lists, the public documents. */
export const ISSUANCE_SERVICE = defineContext({
  name: 'issuance',
  description: 'Co-issued Open Badges 3.0 credentials, signing policies and status lists',
  defaultPort: 3004,
  configSchema: IssuanceConfig,
  // Over issuance's sealing store: personal fields are sealed on append (see issuance.providers.ts).
  aggregates: IssuanceAggregates,
  // ContextsController before PublicController: its GET /contexts (the index with the URLs credentials name) wins.
  controllers: [
    ContextsController,
    CredentialsController,
    CredentialActionsController,
    InstitutionSigningController,
    SignerGatewayController,
    SignatureStatusController,
    WalletOffersController,
    WalletIssuerController,
    LearnerPageController,
    LearnerSignInController,
    LearnerOverviewController,
    CredentialPdfController,
    CredentialSharesController,
    SharedCredentialsController,
    PublicController,
    StatusListTokenController,
  ],
  commandHandlers: ISSUANCE_COMMAND_HANDLERS,
  queryHandlers: ISSUANCE_QUERY_HANDLERS,
  providers: (runtime) => [...issuanceProviders(runtime), IssuanceEngine, { provide: IssuanceSync, useExisting: IssuanceEngine }],
  // Requests wait on the engine (read-your-writes through the process manager): it stops once the HTTP server has
  // closed, before the runtime closes the store and bus; the read model's database closes last.
  lifecycle: { database: ISSUANCE_ORM, background: IssuanceEngine, stopAt: 'application-shutdown' },
});
