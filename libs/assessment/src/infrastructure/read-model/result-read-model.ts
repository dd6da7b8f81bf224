import type { EventStore, ReadModelOrm } from '@alliance/event-sourcing';
import { ProjectedReadModel } from '@alliance/service-runtime';
import { type ResultFilter, type ResultRecordRow, type ResultRecords } from '../../application/ports/result-records.port';
import { ResultRows } from './result-rows';
import { resultsProjection } from './results.projection';

/** Ids per `in (...)` query. */
const CHUNK = 1000;

/** How long a write waits for its events to reach the read model before answering anyway (a 10,000-row upload included). */
const READ_YOUR_WRITES_TIMEOUT_MS = 60_000;

/** The results read model: the projection runner it inherits (start, stop, read-your-writes) and the queries over it. */
export class ResultReadModel extends ProjectedReadModel implements ResultRecords {
  private readonly Rows = resultsProjection.entity(ResultRows);

  constructor(store: EventStore, orm: ReadModelOrm) {
    super({
      store,
      orm,
      projection: resultsProjection,
      label: 'results',
      readYourWritesTimeoutMs: READ_YOUR_WRITES_TIMEOUT_MS,
      batchSize: 1000,
      // A cohort upload is thousands of events: a registrar's read of the results waits behind one batch's
      // transaction (one PGlite connection) for at most about this long, however slow the machine.
      maxBatchMs: 200,
      pollIntervalMs: 100,
    });
  }

  async get(resultId: string): Promise<ResultRecordRow | undefined> {
    return ((await this.em().findOne(this.Rows, { resultId })) ?? undefined) as ResultRecordRow | undefined;
  }

  async enrolmentsOf(resultIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < resultIds.length; i += CHUNK) {
      const rows = await this.em().find(
        this.Rows,
        { resultId: { $in: resultIds.slice(i, i + CHUNK) } },
        { fields: ['resultId', 'enrolmentId'] },
      );
      for (const r of rows) out.set(r.resultId, r.enrolmentId);
    }
    return out;
  }

  async list(filter: ResultFilter): Promise<{ items: ResultRecordRow[]; total: number }> {
    const { limit, offset, ...where } = filter;
    const [items, total] = await this.em().findAndCount(this.Rows, where, {
      orderBy: { enrolmentId: 'asc', componentCode: 'asc' },
      limit,
      offset,
    });
    return { items: items as ResultRecordRow[], total };
  }
}
