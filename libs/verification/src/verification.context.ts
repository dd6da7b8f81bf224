import { defineContext } from '@alliance/service-runtime';
import { VerifyCredentialHandler } from './application/commands/verify-credential';
import { VerificationAggregates } from './application/verification-aggregates';
import { VERIFICATION_ORM } from './application/verification.tokens';
import { SharedCredentialController } from './http/shared-credential.controller';
import { VerificationsController } from './http/verifications.controller';
import { VerifyPageController } from './http/verify-page.controller';
import { VerificationEngine } from './infrastructure/verification-engine';
import { VerificationTallyFlusher } from './infrastructure/verification-tally-flusher';
import { VerificationConfig } from './verification.config';
import { type VerificationOptions, verificationProviders } from './verification.providers';

/** The verification context: anyone checks a credential (API and the /verify page); what it learns is counted, not who asked. */
export const VERIFICATION_SERVICE = defineContext<VerificationConfig, VerificationOptions>({
  name: 'verification',
  description: 'Public verification of co-issued credentials for employers',
  defaultPort: 3005,
  configSchema: VerificationConfig,
  aggregates: VerificationAggregates,
  controllers: [VerificationsController, VerifyPageController, SharedCredentialController],
  commandHandlers: [VerifyCredentialHandler],
  providers: (runtime, options) => [...verificationProviders(runtime, options), VerificationEngine, VerificationTallyFlusher],
  // The consumer and relay, then the tally's periodic flush, once the app is up. They stop once the HTTP server has
  // closed (the tally's last flush counts the last requests' checks), before the runtime closes the store and bus.
  lifecycle: {
    database: VERIFICATION_ORM,
    background: [VerificationEngine, VerificationTallyFlusher],
    stopAt: 'application-shutdown',
  },
});
