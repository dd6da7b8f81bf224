import { ServiceLifecycle } from '@alliance/service-runtime';
import { AUDIT_STORES, READ_MODEL_AUDITOR } from '../audit.tokens';
import { CheckpointScheduler } from './checkpoint-scheduler';

/**
 * Starts the checkpoint schedule once the app is up; once the HTTP server has closed it stops, then the read-model
 * comparisons' databases and the read-only connections to every service's store close.
 */
export class AuditLifecycle extends ServiceLifecycle({
  database: [READ_MODEL_AUDITOR, AUDIT_STORES],
  background: CheckpointScheduler,
  stopAt: 'application-shutdown',
}) {}
