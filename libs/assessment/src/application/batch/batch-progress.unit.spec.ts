import type { RowOutcome } from '../commands/publish-result-batch/batch-report';
import { BatchProgress } from './batch-progress';

const row = (n: number, status: RowOutcome['status'], retryable = false): RowOutcome => ({
  row: n,
  line: n + 1,
  status,
  ...(status === 'rejected'
    ? { problem: { code: 'assessment.enrolment-not-found', status: 404, message: 'no', ...(retryable ? { retryable } : {}) } }
    : {}),
});

describe('the progress of uploads this process handles', () => {
  it('counts rows as they get their outcome, and moves through the phases', () => {
    const progress = new BatchProgress();
    const outcomes = [row(1, 'pending'), row(2, 'pending'), row(3, 'rejected', true)];
    progress.start('k', { batchId: 'b', format: 'csv', digest: 'd' }, outcomes);
    expect(progress.view('k')).toMatchObject({ phase: 'processing', rows: 3, processed: 1, recorded: 0, rejected: 1, retryable: 1 });
    outcomes[0].status = 'recorded';
    outcomes[1].status = 'already-recorded';
    progress.phase('k', 'catching-up');
    expect(progress.view('k')).toMatchObject({ phase: 'catching-up', processed: 3, recorded: 1, alreadyRecorded: 1 });
    expect(progress.view('k')?.finishedAt).toBeUndefined();
    progress.phase('k', 'complete');
    expect(progress.view('k')).toMatchObject({ phase: 'complete', finishedAt: expect.any(String) });
    expect(progress.view('k')?.rejections).toEqual([outcomes[2]]);
  });

  it('forgets the oldest upload beyond the 32 it keeps, and knows nothing of others', () => {
    const progress = new BatchProgress();
    for (let i = 0; i < 33; i++) progress.start(`k${i}`, { batchId: `b${i}`, format: 'json', digest: 'd' }, []);
    expect(progress.view('k0')).toBeUndefined();
    expect(progress.view('k1')).toMatchObject({ batchId: 'b1' });
    expect(progress.view('k32')).toMatchObject({ batchId: 'b32' });
    progress.phase('unknown', 'complete');
    expect(progress.view('unknown')).toBeUndefined();
  });
});
