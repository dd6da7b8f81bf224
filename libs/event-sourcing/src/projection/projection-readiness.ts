import type { ProjectionLag } from './projection-lag';
import type { ProjectionStatus } from './projection-runner-options';

/**
 * `caught-up`: nothing left to apply. `catching-up`: behind, and its checkpoint moved (or it was at the head)
 * within the policy's `stuckAfterMs`: ready, reads are a little stale. `stuck`: behind and not moving for that
 * long, or not running at all: not ready.
 */
export type ProjectionReadinessState = 'caught-up' | 'catching-up' | 'stuck';

/** How readiness judges a projection that is behind; a service sets it once (`PROJECTION_STUCK_AFTER_MS`). */
export interface ProjectionReadinessPolicy {
  /** How long a projection may be behind without its checkpoint moving before it counts as stuck. */
  stuckAfterMs: number;
}

export const DEFAULT_PROJECTION_READINESS: ProjectionReadinessPolicy = { stuckAfterMs: 60_000 };

export interface ProjectionReadiness extends ProjectionLag {
  state: ProjectionReadinessState;
  status: ProjectionStatus;
  /** Checkpoint positions applied per second over the last minute (behind only). */
  eventsPerSecond?: number;
  /** When the lag would be gone at that rate (behind only, while moving). */
  etaSeconds?: number;
  /** Since the checkpoint last moved or the projection was last at the head (behind only). */
  stalledForMs?: number;
  /** The runner's last failure, if its latest batch failed. */
  lastError?: string;
  /** Why it is stuck. */
  cause?: string;
}

const RATE_WINDOW_MS = 60_000;
const MAX_SAMPLES = 120;

/**
 * What a projection runner did lately, by its own clock: when its checkpoint moved (and to where), and when it
 * last found nothing to do. A projection that is behind is judged by these, not by the size of its lag: 300
 * events behind and applying hundreds a second is catching up; 3 behind and not moving for a minute is stuck.
 */
export class ProjectionPace {
  private samples: { at: number; position: number }[] = [];
  private lastProgressAt: number;

  constructor(private readonly clock: () => number = Date.now) {
    this.lastProgressAt = clock();
  }

  /** The runner (re)started at this checkpoint: starting counts as progress. */
  started(position: number): void {
    this.lastProgressAt = this.clock();
    this.samples = [{ at: this.lastProgressAt, position }];
  }

  /** The checkpoint moved to `position`. */
  advanced(position: number): void {
    const at = this.clock();
    this.lastProgressAt = at;
    this.samples.push({ at, position });
    const since = at - RATE_WINDOW_MS;
    // Keep one sample at or before the window's start, so the rate spans the whole window.
    while (this.samples.length > 2 && (this.samples[1]!.at <= since || this.samples.length > MAX_SAMPLES)) this.samples.shift();
  }

  /** The runner found nothing to apply up to the head it read. */
  idle(): void {
    this.lastProgressAt = this.clock();
  }

  /** Judges the projection from its lag (read from the stored checkpoint), its runner's status and last error. */
  assess(lag: ProjectionLag, status: ProjectionStatus, lastError: unknown, policy: ProjectionReadinessPolicy): ProjectionReadiness {
    const error = lastError === undefined ? undefined : String((lastError as Error)?.message ?? lastError);
    const base = { ...lag, status, ...(error ? { lastError: error } : {}) };
    if (lag.lag === 0) return { ...base, state: 'caught-up' };
    const now = this.clock();
    const stalledForMs = Math.max(0, now - this.lastProgressAt);
    const eventsPerSecond = this.rate(now);
    const pace = { eventsPerSecond, stalledForMs, ...(eventsPerSecond > 0 ? { etaSeconds: Math.ceil(lag.lag / eventsPerSecond) } : {}) };
    if (status === 'stopped') return { ...base, ...pace, state: 'stuck', cause: error ?? 'the projection is not running' };
    if (stalledForMs >= policy.stuckAfterMs) {
      const still = `no progress for ${Math.round(stalledForMs / 1000)} s while ${lag.lag} event(s) behind`;
      return { ...base, ...pace, state: 'stuck', cause: error ? `${still}; last error: ${error}` : still };
    }
    return { ...base, ...pace, state: 'catching-up' };
  }

  private rate(now: number): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || now <= first.at) return 0;
    return Math.round(((last.position - first.position) / ((now - first.at) / 1000)) * 10) / 10;
  }
}
