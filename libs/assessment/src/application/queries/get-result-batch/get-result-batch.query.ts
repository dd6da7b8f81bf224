import { IsString } from 'class-validator';
import type { BatchStatusView } from '../../batch/batch-progress';
import { BaseQuery } from '../../base.command';

/** Where one of the caller's institution's uploads stands; the id's form is checked by the handler, after the role. */
export class GetResultBatchQuery extends BaseQuery<BatchStatusView> {
  @IsString()
  batchId!: string;
}
