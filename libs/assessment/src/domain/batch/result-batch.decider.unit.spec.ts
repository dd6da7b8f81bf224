import { deciderSpecification, SPEC_CONTEXT } from '@alliance/event-sourcing';
import type { CheckBatchFile, RecordBatch } from './result-batch.decider';
import { resultBatchDecider } from './result-batch.decider';
import type { ResultBatchOpened, ResultBatchProcessed } from './result-batch.events';

const spec = deciderSpecification(resultBatchDecider);
const active = { institutionId: 'aau', status: 'active' as const };
const file = { batchId: 'b1', institutionId: 'aau', digest: 'd1', format: 'csv' as const, rows: 10 };
const tally = { recorded: 8, alreadyRecorded: 0, rejected: 2 };
const record = (over: Partial<RecordBatch> = {}): RecordBatch => ({ type: 'RecordBatch', ...file, ...tally, ...over });
const check = (over: Partial<CheckBatchFile> = {}): CheckBatchFile => ({ type: 'CheckBatchFile', ...file, uploader: active, ...over });
const opened = (over: Partial<ResultBatchOpened['data']> = {}): ResultBatchOpened => ({
  type: 'ResultBatchOpened',
  data: { ...file, openedAt: SPEC_CONTEXT.now.toISOString(), ...over },
});
const processed = (over: Partial<ResultBatchProcessed['data']> = {}): ResultBatchProcessed => ({
  type: 'ResultBatchProcessed',
  data: { ...file, ...tally, submission: 1, processedAt: SPEC_CONTEXT.now.toISOString(), ...over },
});

describe('result batch', () => {
  it('records the first submission of a file', () => {
    spec.given([]).when(record()).then(processed());
  });
  it('writes nothing when no row was recorded (a replay or all rows refused)', () => {
    spec
      .given([processed()])
      .when(record({ recorded: 0, alreadyRecorded: 8 }))
      .thenNothingHappened();
    spec
      .given([])
      .when(record({ recorded: 0, rejected: 10 }))
      .thenNothingHappened();
  });
  it('counts a later submission of the same file that recorded more rows', () => {
    spec
      .given([processed()])
      .when(record({ recorded: 2, alreadyRecorded: 8, rejected: 0 }))
      .then(processed({ recorded: 2, alreadyRecorded: 8, rejected: 0, submission: 2 }));
  });
  it('refuses another file under a used batch id, before any row is touched', () => {
    spec
      .given([processed()])
      .when(check({ digest: 'other' }))
      .thenThrows('assessment.batch-id-reused');
    spec.given([processed()]).when(check()).thenNothingHappened();
  });
  it('claims the batch id for its file before any row is read, so an interrupted upload keeps its identity', () => {
    spec.given([]).when(check()).then(opened());
    spec.given([opened()]).when(check()).thenNothingHappened();
    spec
      .given([opened()])
      .when(check({ digest: 'other', rows: 3 }))
      .thenThrows('assessment.batch-id-reused');
    spec
      .given([opened()])
      .when(record({ digest: 'other' }))
      .thenThrows('assessment.batch-id-reused');
  });
  it('frees the id when the upload that claimed it recorded no row, and completes an interrupted file whose rows were all recorded', () => {
    spec
      .given([opened()])
      .when(record({ recorded: 0, rejected: 10 }))
      .then({
        type: 'ResultBatchReleased',
        data: { batchId: 'b1', institutionId: 'aau', digest: 'd1', rows: 10, rejected: 10, releasedAt: SPEC_CONTEXT.now.toISOString() },
      });
    spec
      .given([
        opened(),
        {
          type: 'ResultBatchReleased',
          data: { batchId: 'b1', institutionId: 'aau', digest: 'd1', rows: 10, rejected: 10, releasedAt: SPEC_CONTEXT.now.toISOString() },
        },
      ])
      .when(check({ digest: 'fixed' }))
      .then(opened({ digest: 'fixed' }));
    spec
      .given([opened()])
      .when(record({ recorded: 0, alreadyRecorded: 8 }))
      .then(processed({ recorded: 0, alreadyRecorded: 8 }));
  });
  it('numbers the submissions of a claimed file from 1: claiming is not a submission', () => {
    spec.given([opened()]).when(record()).then(processed());
    spec
      .given([opened(), processed()])
      .when(record({ recorded: 2, alreadyRecorded: 8, rejected: 0 }))
      .then(processed({ recorded: 2, alreadyRecorded: 8, rejected: 0, submission: 2 }));
  });
  it('refuses a whole upload from a suspended or removed member before any row is read (403 naming its standing)', () => {
    for (const status of ['suspended', 'removed'] as const) {
      spec
        .given([])
        .when(check({ batchId: 'b2', digest: 'd2', uploader: { institutionId: 'aau', status } }))
        .thenThrows(
          (e) => (e as { code: string; status: number }).code === `assessment.member-${status}` && (e as { status: number }).status === 403,
        );
    }
    spec
      .given([opened({ batchId: 'b2', digest: 'd2' })])
      .when(check({ batchId: 'b2', digest: 'd2', uploader: { institutionId: 'aau', status: 'pending' } }))
      .thenNothingHappened();
    spec
      .given([])
      .when(check({ batchId: 'b2', digest: 'd2', uploader: { institutionId: 'aau', status: 'pending' } }))
      .then(opened({ batchId: 'b2', digest: 'd2' }));
  });
});
