import type { EventStore } from '../event-store.port';
import type { ReadModelOrm } from '../read-model/create-read-model-orm';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import type { ParkedEvent } from './parked-events';
import type { ProjectionDefinition } from './projection';
import type { ProjectionLag } from './projection-lag';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionStatus } from './projection-runner-options';

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
}

export interface ProjectionState extends ProjectionLag {
  status: ProjectionStatus;
  lastError?: string;
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

  async states(): Promise<ProjectionState[]> {
    return Promise.all(
      this.runners.map(async (r) => {
        const lastError = r.lastError === undefined ? undefined : String((r.lastError as Error)?.message ?? r.lastError);
        return { ...(await r.lag()), status: r.status, ...(lastError ? { lastError } : {}) };
      }),
    );
  }

  /** Every event the projections parked, oldest first. */
  async parked(): Promise<ParkedEvent[]> {
    const all = (await Promise.all(this.runners.map((r) => r.parked()))).flat();
    return all.sort((a, b) => a.position - b.position);
  }

  /**
   * A readiness check (the shape nest-kit's health registry takes): fails while a projection trails the
   * head by more than `maxLag` events or is failing. Parked events do not fail it: they are counted in
   * `parked` (the service is degraded, not down) and listed by `parkedEvents`.
   */
  healthIndicator(maxLag = 100): { name: string; check(): Promise<Record<string, unknown>>; parkedEvents(): Promise<ParkedEvent[]> } {
    return {
      name: 'projections',
      check: async () => {
        const states = await this.states();
        const behind = states.filter((s) => s.lag > maxLag || s.status === 'failing');
        const details: Record<string, unknown> = Object.fromEntries(
          states.map((s) => [s.checkpointName, { lag: s.lag, status: s.status, ...(s.parked ? { parked: s.parked } : {}) }]),
        );
        if (behind.length) {
          throw new Error(`projections not ready: ${behind.map((s) => `${s.checkpointName} (lag ${s.lag}, ${s.status})`).join(', ')}`);
        }
        const parked = states.reduce((n, s) => n + (s.parked ?? 0), 0);
        return parked ? { ...details, parked } : details;
      },
      parkedEvents: () => this.parked(),
    };
  }
}
