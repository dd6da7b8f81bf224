import { projectionSpecification, type ReadModelOrm, PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '@alliance/event-sourcing';
import { published } from '../../domain/__fixtures__/transcript.fixture';
import { ASSESSMENT_AGGREGATES } from '../../application/assessment-aggregates';
import { ResultRows } from './result-rows';
import { resultsProjection } from './results.projection';

// PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

const stream = ASSESSMENT_AGGREGATES.stream.transcript('enr-1');
const amended = (amendmentId: string, grade: number, passed: boolean, reason: string) => ({
  type: 'ResultAmended',
  streamId: stream,
  data: {
    ...published().data,
    amendmentId,
    amendmentNumber: amendmentId === 'am-1' ? 1 : 2,
    grade,
    passed,
    reason,
    amendedAt: '2026-06-20T00:00:00.000Z',
  },
});

describe('results projection (replayed twice)', () => {
  let orm: ReadModelOrm;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());

  it('keeps the latest amendment as the effective result, with the whole history', async () => {
    await projectionSpecification({ orm, projection: resultsProjection })
      .given([
        { ...published(), streamId: stream },
        {
          ...published({ resultId: 'res-2', componentCode: 'LAB-110', grade: 'pass', passed: true, batchId: 'b1', rowRef: '2' }),
          streamId: stream,
        },
        amended('am-1', 45, false, 'marking error'),
        amended('am-2', 58, true, 'resit'),
      ])
      .then(async ({ em, entity }) => {
        const rows = await em.find(entity(ResultRows), {}, { orderBy: { resultId: 'asc' } });
        expect(rows.map((r) => [r.resultId, r.grade, r.passed, r.amendments.length, r.revision])).toEqual([
          ['res-1', 58, true, 2, 3],
          ['res-2', 'pass', true, 0, 1],
        ]);
        expect(rows[0].amendments.map((a) => [a.amendmentNumber, a.reason, a.amendedBy])).toEqual([
          [1, 'marking error', 'spec'],
          [2, 'resit', 'spec'],
        ]);
        expect(rows[1]).toMatchObject({ batchId: 'b1', rowRef: '2', publishedBy: 'spec' });
      });
  });
});
