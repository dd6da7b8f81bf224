import { ServiceLifecycle } from '@alliance/service-runtime';
import { ISSUANCE_ORM } from '../application/issuance.tokens';
import { IssuanceEngine } from './issuance-engine';

/**
 * Starts the engine (projections, process manager, relay, consumer) once the app is up. It stops once the HTTP
 * server has closed, because requests wait for it (read-your-writes through the process manager), and before
 * the runtime closes the store and bus; the read model's database closes last.
 */
export class IssuanceLifecycle extends ServiceLifecycle({
  database: ISSUANCE_ORM,
  background: IssuanceEngine,
  stopAt: 'application-shutdown',
}) {}
