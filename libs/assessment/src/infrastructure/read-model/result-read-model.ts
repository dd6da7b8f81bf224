import { type EventStore, ProjectionRunner, type ReadModelOrm } from '@alliance/event-sourcing';
import type { HealthRegistry } from '@alliance/nest-kit';
import { Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/sql';
import { type ResultFilter, type ResultRecordRow, ResultRecords } from '../../application/ports/result-records.port';
import { ResultRows } from './result-rows';
import { resultsProjection } from './results.projection';

/** How long a write waits for its events to reach the read model before answering anyway (a 10,000-row upload included). */
const READ_YOUR_WRITES_TIMEOUT_MS = 60_000;

/** The results read model: its projection runner and the queries over it. */
export class ResultReadModel extends ResultRecords {
  private readonly logger = new Logger('ResultReadModel');
  private readonly runner: ProjectionRunner;
  private readonly Rows = resultsProjection.entity(ResultRows);

  constructor(
    store: EventStore,
    private readonly orm: ReadModelOrm,
  ) {
    super();
    this.runner = new ProjectionRunner({
      store,
      orm,
      projection: resultsProjection,
      batchSize: 1000,
      pollIntervalMs: 100,
      onError: (error, position) => this.logger.error({ err: error, position }, 'results projection batch failed; retrying'),
    });
  }

  async start(health?: HealthRegistry): Promise<void> {
    await this.runner.start();
    health?.register({
      name: 'readModel',
      check: async () => {
        // Not ready while the projection is failing or far behind: reads would be stale.
        const lag = await this.runner.lag();
        if (this.runner.status === 'failing' || lag.lag > 100_000) throw new Error(`read model ${this.runner.status}, ${lag.lag} events behind`);
        return { ...lag, projection: this.runner.status };
      },
    });
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  async get(resultId: string): Promise<ResultRecordRow | undefined> {
    return ((await this.em().findOne(this.Rows, { resultId })) ?? undefined) as ResultRecordRow | undefined;
  }

  async list(filter: ResultFilter): Promise<{ items: ResultRecordRow[]; total: number }> {
    const { limit, offset, ...where } = filter;
    const [items, total] = await this.em().findAndCount(this.Rows, where, { orderBy: { enrolmentId: 'asc', componentCode: 'asc' }, limit, offset });
    return { items: items as ResultRecordRow[], total };
  }

  async caughtUp(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    try {
      await this.runner.waitFor(position, READ_YOUR_WRITES_TIMEOUT_MS);
    } catch (error) {
      // The write is durable; only its visibility lags. Answer, and say so in the logs.
      this.logger.warn({ err: error, position }, 'read model lagging behind a write');
    }
  }

  private em(): EntityManager {
    return this.orm.em.fork() as unknown as EntityManager;
  }
}
