import type { ProjectionReadinessPolicy, ProjectionRunner } from '@alliance/event-sourcing';
import type { HealthIndicator } from './health-registry';

/**
 * The readiness check of a read model fed by one projection runner: down only while the projection is stuck
 * (behind and not moving for the service's `PROJECTION_STUCK_AFTER_MS`, or not running), with the cause. Behind
 * but moving, it is up and says so: `state: catching-up`, its lag, rate and expected time to catch up.
 */
export function projectionReadinessCheck(runner: () => ProjectionRunner): HealthIndicator['check'] {
  return async (policy) => {
    const r = await runner().readiness(policy);
    if (r.state === 'stuck') throw new Error(`read model stuck, ${r.lag} events behind: ${r.cause}`);
    const { state, status, eventsPerSecond, etaSeconds, stalledForMs, lastError, cause: _cause, ...lag } = r;
    const behind =
      state === 'catching-up' ? { state, eventsPerSecond, stalledForMs, ...(etaSeconds !== undefined ? { etaSeconds } : {}) } : {};
    return { ...lag, projection: status, ...behind, ...(lastError ? { lastError } : {}) };
  };
}

/** The policy a health registry hands its checks, from the service's configuration. */
export function readinessPolicy(config: { PROJECTION_STUCK_AFTER_MS: number }): ProjectionReadinessPolicy {
  return { stuckAfterMs: config.PROJECTION_STUCK_AFTER_MS };
}
