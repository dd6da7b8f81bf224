import { type EventStore, ProjectionRunner, type ReadModelOrm } from '@alliance/event-sourcing';
import type { HealthRegistry } from '@alliance/nest-kit';
import { Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/sql';
import { type EnrolmentFilter, type EnrolmentRecordRow, EnrolmentRecords } from '../../application/ports/enrolment-records.port';
import { EnrolmentRows } from './enrolment-rows';
import { enrolmentsProjection } from './enrolments.projection';

/** How long a write waits for its events to reach the read model before answering anyway. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/** The enrolments read model: its projection runner and the queries over it. */
export class EnrolmentReadModel extends EnrolmentRecords {
  private readonly logger = new Logger('EnrolmentReadModel');
  private readonly runner: ProjectionRunner;
  private readonly Rows = enrolmentsProjection.entity(EnrolmentRows);

  constructor(
    store: EventStore,
    private readonly orm: ReadModelOrm,
  ) {
    super();
    this.runner = new ProjectionRunner({
      store,
      orm,
      projection: enrolmentsProjection,
      pollIntervalMs: 100,
      onError: (error, position) => this.logger.error({ err: error, position }, 'enrolments projection batch failed; retrying'),
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

  async get(enrolmentId: string): Promise<EnrolmentRecordRow | undefined> {
    const row = await this.em().findOne(this.Rows, { enrolmentId });
    return (row ?? undefined) as EnrolmentRecordRow | undefined;
  }

  async list(filter: EnrolmentFilter): Promise<{ items: EnrolmentRecordRow[]; total: number }> {
    const where: Record<string, unknown> = {};
    if (filter.learnerId) where.learnerId = filter.learnerId;
    if (filter.credentialSpecId) where.credentialSpecId = filter.credentialSpecId;
    if (filter.status) where.status = filter.status;
    if (filter.institutionId) where.institutionId = filter.institutionId;
    const [items, total] = await this.em().findAndCount(this.Rows, where, {
      orderBy: { enrolledAt: 'asc', enrolmentId: 'asc' },
      limit: filter.limit,
      offset: filter.offset,
    });
    return { items: items as EnrolmentRecordRow[], total };
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
