import { ServiceLifecycle } from '@alliance/service-runtime';
import { VERIFICATION_ORM } from '../application/verification.tokens';
import { VerificationEngine } from './verification-engine';
import { VerificationTallyFlusher } from './verification-tally-flusher';

/**
 * Starts the consumer and relay, then the tally's periodic flush, once the app is up. They stop once the HTTP
 * server has closed (the tally's last flush counts the last requests' checks), before the runtime closes the store
 * and bus; the read model's database closes last.
 */
export class VerificationLifecycle extends ServiceLifecycle({
  database: VERIFICATION_ORM,
  background: [VerificationEngine, VerificationTallyFlusher],
  stopAt: 'application-shutdown',
}) {}
