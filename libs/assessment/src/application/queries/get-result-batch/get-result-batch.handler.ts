import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AssessmentException } from '../../../domain/assessment.exception';
import { requireInstitutionStaff } from '../../acting-registrar';
import { AssessmentAggregates } from '../../assessment-aggregates';
import { BatchProgress, type BatchStatusView } from '../../batch/batch-progress';
import { batchKeyOf } from '../../result-ids';
import { GetResultBatchQuery } from './get-result-batch.query';

/**
 * Where one of the caller's institution's uploads stands. Row outcomes come from this process's recent uploads;
 * for an older one (or after a restart) the totals come from its stream and the recorded rows from
 * `GET /assessment-results?batchId=`.
 */
@QueryHandler(GetResultBatchQuery)
export class GetResultBatchHandler implements IQueryHandler<GetResultBatchQuery> {
  constructor(
    private readonly progress: BatchProgress,
    private readonly aggregates: AssessmentAggregates,
  ) {}

  async execute(query: GetResultBatchQuery): Promise<BatchStatusView> {
    const { batchId } = query;
    const institutionId = requireInstitutionStaff(query.actor);
    if (!/^[\w.:@-]{1,200}$/.test(batchId))
      throw new AssessmentException(
        'assessment.batch-id-invalid',
        'batchId may contain letters, digits and . _ : @ - only (at most 200)',
        'batchId',
      );
    const batchKey = batchKeyOf(institutionId, batchId);
    const recent = this.progress.view(batchKey);
    if (recent) return recent;
    const history = await this.aggregates.resultBatch.events(batchKey);
    const opened = history.filter((e) => e.type === 'ResultBatchOpened').at(-1);
    const processed = history.filter((e) => e.type === 'ResultBatchProcessed').at(-1);
    if (processed) {
      const { batchId: id, format, digest, rows, recorded, alreadyRecorded, rejected, processedAt } = processed.data;
      return {
        batchId: id,
        format,
        digest,
        phase: 'complete',
        rows,
        processed: rows,
        recorded,
        alreadyRecorded,
        rejected,
        retryable: 0,
        finishedAt: processedAt,
      };
    }
    if (opened && history.at(-1)?.type === 'ResultBatchOpened') {
      // Claimed, never completed: the upload broke off; sending the same file again completes it.
      const { batchId: id, format, digest, rows, openedAt } = opened.data;
      return {
        batchId: id,
        format,
        digest,
        phase: 'interrupted',
        rows,
        processed: 0,
        recorded: 0,
        alreadyRecorded: 0,
        rejected: 0,
        retryable: 0,
        startedAt: openedAt,
      };
    }
    throw new AssessmentException('assessment.batch-not-found', `No batch ${batchId}.`, 'batchId');
  }
}
