import { deciderSpecification, SPEC_CONTEXT } from '@alliance/event-sourcing';
import type { RecordBatch } from './result-batch.decider';
import { resultBatchDecider } from './result-batch.decider';
import type { ResultBatchProcessed } from './result-batch.events';

const spec = deciderSpecification(resultBatchDecider);
const active = { institutionId: 'aau', status: 'active' as const };
const record = (over: Partial<RecordBatch> = {}): RecordBatch => ({
  type: 'RecordBatch',
  batchId: 'b1',
  institutionId: 'aau',
  digest: 'd1',
  format: 'csv',
  rows: 10,
  recorded: 8,
  alreadyRecorded: 0,
  rejected: 2,
  ...over,
});
const processed = (over: Partial<ResultBatchProcessed['data']> = {}): ResultBatchProcessed => ({
  type: 'ResultBatchProcessed',
  data: { batchId: 'b1', institutionId: 'aau', digest: 'd1', format: 'csv', rows: 10, recorded: 8, alreadyRecorded: 0, rejected: 2, submission: 1, processedAt: SPEC_CONTEXT.now.toISOString(), ...over },
});

describe('result batch', () => {
  it('records the first submission of a file', () => {
    spec.given([]).when(record()).then(processed());
  });
  it('writes nothing when no row was recorded (a replay or all rows refused)', () => {
    spec.given([processed()]).when(record({ recorded: 0, alreadyRecorded: 8 })).thenNothingHappened();
    spec.given([]).when(record({ recorded: 0, rejected: 10 })).thenNothingHappened();
  });
  it('counts a later submission of the same file that recorded more rows', () => {
    spec.given([processed()]).when(record({ recorded: 2, alreadyRecorded: 8, rejected: 0 })).then(processed({ recorded: 2, alreadyRecorded: 8, rejected: 0, submission: 2 }));
  });
  it('refuses another file under a used batch id, before any row is touched', () => {
    spec.given([processed()]).when({ type: 'CheckBatchFile', batchId: 'b1', digest: 'other', uploader: active }).thenThrows('assessment.batch-id-reused');
    spec.given([processed()]).when({ type: 'CheckBatchFile', batchId: 'b1', digest: 'd1', uploader: active }).thenNothingHappened();
  });
  it('refuses a whole upload from a suspended or removed member before any row is read (403 naming its standing)', () => {
    for (const status of ['suspended', 'removed'] as const) {
      spec
        .given([])
        .when({ type: 'CheckBatchFile', batchId: 'b2', digest: 'd2', uploader: { institutionId: 'aau', status } })
        .thenThrows((e) => (e as { code: string; status: number }).code === `assessment.member-${status}` && (e as { status: number }).status === 403);
    }
    spec.given([]).when({ type: 'CheckBatchFile', batchId: 'b2', digest: 'd2', uploader: { institutionId: 'aau', status: 'pending' } }).thenNothingHappened();
  });
});
