import type { EventStore, ReadModelOrm } from '@alliance/event-sourcing';
import { ProjectedReadModel } from '@alliance/service-runtime';
import { type EnrolmentFilter, type EnrolmentRecordRow, type EnrolmentRecords } from '../../application/ports/enrolment-records.port';
import { EnrolmentRows } from './enrolment-rows';
import { enrolmentsProjection } from './enrolments.projection';

/** How long a write waits for its events to reach the read model before answering anyway. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/** The enrolments read model: the projection runner it inherits (start, stop, read-your-writes) and the queries over it. */
export class EnrolmentReadModel extends ProjectedReadModel implements EnrolmentRecords {
  private readonly Rows = enrolmentsProjection.entity(EnrolmentRows);

  constructor(store: EventStore, orm: ReadModelOrm) {
    super({
      store,
      orm,
      projection: enrolmentsProjection,
      label: 'enrolments',
      readYourWritesTimeoutMs: READ_YOUR_WRITES_TIMEOUT_MS,
      pollIntervalMs: 100,
    });
  }

  async get(enrolmentId: string): Promise<EnrolmentRecordRow | undefined> {
    const row = await this.em().findOne(this.Rows, { enrolmentId });
    return (row ?? undefined) as EnrolmentRecordRow | undefined;
  }

  async list(filter: EnrolmentFilter): Promise<{ items: EnrolmentRecordRow[]; total: number }> {
    const where: Record<string, unknown> = {};
    if (filter.learnerIds) where.learnerId = { $in: filter.learnerIds };
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
}
