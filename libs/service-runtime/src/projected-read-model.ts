import {
  type EventStore,
  forkEntityManager,
  type ProjectionDefinition,
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ReadModelOrm,
} from '@alliance/event-sourcing';
import type { EntityManager } from '@mikro-orm/sql';
import { Logger } from '@nestjs/common';
import { type HealthRegistry, projectionReadinessCheck } from '@alliance/nest-kit';
import type { BackgroundWork } from './service-lifecycle';

export interface ProjectedReadModelOptions extends Pick<ProjectionRunnerOptions, 'batchSize' | 'maxBatchMs' | 'pollIntervalMs'> {
  store: EventStore;
  orm: ReadModelOrm;
  projection: ProjectionDefinition;
  /** Context of the log lines; by default the name of the read model's class. */
  logContext?: string;
  /** What the projection is called in its error log: '<label> projection batch failed; retrying'. */
  label: string;
  /** How long a write waits for its events to reach the read model before answering anyway. */
  readYourWritesTimeoutMs: number;
}

/**
 * A read model a service queries: the runner that feeds its projection, its readiness check and read-your-writes
 * waits. A context's read model extends it and adds its queries over `em()`.
 */
export class ProjectedReadModel implements BackgroundWork {
  private readonly logger: Logger;
  private readonly runner: ProjectionRunner;

  constructor(private readonly options: ProjectedReadModelOptions) {
    const { store, orm, projection, batchSize, maxBatchMs, pollIntervalMs, label } = options;
    this.logger = new Logger(options.logContext ?? new.target.name);
    this.runner = new ProjectionRunner({
      store,
      orm,
      projection,
      batchSize,
      maxBatchMs,
      pollIntervalMs,
      onError: (error, position) => this.logger.error({ err: error, position }, `${label} projection batch failed; retrying`),
      onParked: (event) =>
        this.logger.error(
          { parked: event },
          `${label} projection parked an event it cannot apply; rebuild the read model once the cause is fixed`,
        ),
    });
  }

  async start(health?: HealthRegistry): Promise<void> {
    await this.runner.start();
    health?.register({
      name: 'readModel',
      check: projectionReadinessCheck(() => this.runner),
      parkedEvents: () => this.runner.parked(),
    });
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  async caughtUp(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    try {
      await this.runner.waitFor(position, this.options.readYourWritesTimeoutMs);
    } catch (error) {
      // The write is durable; only its visibility lags. Answer, and say so in the logs.
      this.logger.warn({ err: error, position }, 'read model lagging behind a write');
    }
  }

  /** A fresh unit of work for a query. */
  em(): EntityManager {
    return forkEntityManager(this.options.orm);
  }
}
