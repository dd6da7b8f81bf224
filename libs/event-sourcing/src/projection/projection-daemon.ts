import type { EventStore } from '../event-store.port';
import type { ReadModelOrm } from '../read-model/create-read-model-orm';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import type { ParkedEvent } from './parked-events';
import type { ProjectionDefinition } from './projection';
import { DEFAULT_PROJECTION_READINESS, type ProjectionReadiness, type ProjectionReadinessPolicy } from './projection-readiness';
import { ProjectionRunner } from './projection-runner';

export interface ProjectionDaemonOptions {
  store: EventStore;
  orm: ReadModelOrm;
  projections: readonly ProjectionDefinition[];
  upcasters?: UpcasterRegistry;
  batchSize?: number;
  pollIntervalMs?: number;
  onError?: (projection: string, error: unknown) => void;
  /** See `ProjectionRunnerOptions.parkAfterAttempts`. */
  parkAfterAttempts?: number | false;
  onParked?: (event: ParkedEvent) => void;
  /** See `ProjectionRunnerOptions.clock`. */
  clock?: () => number;
}

/** Runs every projection of a service, and answers readiness and metrics questions about them. */
export class ProjectionDaemon {
  readonly runners: readonly ProjectionRunner[];

  constructor(options: ProjectionDaemonOptions) {
    const names = new Set<string>();
    this.runners = options.projections.map((projection) => {
      if (names.has(projection.name)) throw new Error(`Projection ${projection.name} is registered twice`);
      names.add(projection.name);
      return new ProjectionRunner({
        store: options.store,
        orm: options.orm,
        projection,
        upcasters: options.upcasters,
        batchSize: options.batchSize,
        pollIntervalMs: options.pollIntervalMs,
        onError: (error) => options.onError?.(projection.name, error),
        parkAfterAttempts: options.parkAfterAttempts,
        onParked: options.onParked,
        clock: options.clock,
      });
    });
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  /** Wakes every runner, e.g. after an append in the same process. */
  poke(): void {
    for (const r of this.runners) r.poke();
  }

  /** Resolves once every projection accounted for `position` (read-your-writes). */
  async waitFor(position: number, timeoutMs?: number): Promise<void> {
    await Promise.all(this.runners.map((r) => r.waitFor(position, timeoutMs)));
  }

  /** Every event the projections parked, oldest first. */
  async parked(): Promise<ParkedEvent[]> {
    const all = (await Promise.all(this.runners.map((r) => r.parked()))).flat();
    return all.sort((a, b) => a.position - b.position);
  }

  /** Each projection's readiness (see `ProjectionRunner.readiness`). */
  readiness(policy: ProjectionReadinessPolicy = DEFAULT_PROJECTION_READINESS): Promise<ProjectionReadiness[]> {
    return Promise.all(this.runners.map((r) => r.readiness(policy)));
  }

  /**
   * A readiness check (the shape nest-kit's health registry takes, which passes the service's policy): fails
   * while a projection is stuck (behind and not moving for `stuckAfterMs`, or not running), naming the cause.
   * A projection behind but moving is `catching-up`: ready, with its lag and rate in the details. Parked events
   * do not fail it: they are counted in `parked` (the service is degraded, not down) and listed by `parkedEvents`.
   */
  healthIndicator(): {
    name: string;
    check(policy?: ProjectionReadinessPolicy): Promise<Record<string, unknown>>;
    parkedEvents(): Promise<ParkedEvent[]>;
  } {
    return {
      name: 'projections',
      check: async (policy) => {
        const states = await this.readiness(policy);
        const stuck = states.filter((s) => s.state === 'stuck');
        if (stuck.length) {
          throw new Error(`projections not ready: ${stuck.map((s) => `${s.checkpointName} (lag ${s.lag}, stuck: ${s.cause})`).join(', ')}`);
        }
        const details: Record<string, unknown> = Object.fromEntries(states.map((s) => [s.checkpointName, readinessDetails(s)]));
        const parked = states.reduce((n, s) => n + (s.parked ?? 0), 0);
        return parked ? { ...details, parked } : details;
      },
      parkedEvents: () => this.parked(),
    };
  }
}

/** What a health report shows of one projection: its lag and status; when behind, how it is doing. */
export function readinessDetails(s: ProjectionReadiness): Record<string, unknown> {
  const behind =
    s.state === 'caught-up'
      ? {}
      : {
          state: s.state,
          eventsPerSecond: s.eventsPerSecond,
          stalledForMs: s.stalledForMs,
          ...(s.etaSeconds !== undefined ? { etaSeconds: s.etaSeconds } : {}),
        };
  return {
    lag: s.lag,
    status: s.status,
    ...(s.parked ? { parked: s.parked } : {}),
    ...behind,
    ...(s.lastError ? { lastError: s.lastError } : {}),
  };
}
