import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { UploadedRow } from '../../batch/uploaded-row';
import { BaseCommand } from '../../base.command';
import type { BatchReport } from './batch-report';

/** `sync`: answer once the results read model shows the rows; `async`: once they are durable (the read model follows). */
export type BatchResponseMode = 'sync' | 'async';

/** Publishes a cohort's results from one upload: each row is checked on its own, good rows are recorded. */
export class PublishResultBatchCommand extends BaseCommand<BatchReport> {
  /** The client's name for this upload; re-sending the same file under it is safe. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/^[\w.:@-]+$/, { message: 'batchId may contain letters, digits and . _ : @ - only' })
  batchId!: string;

  @IsIn(['json', 'csv'])
  format!: 'json' | 'csv';

  /** SHA-256 (hex) of the upload's rows. */
  @Matches(/^[0-9a-f]{64}$/)
  digest!: string;

  @IsArray()
  rows!: UploadedRow[];

  /** Defaults to `sync`. */
  @IsOptional()
  @IsIn(['sync', 'async'])
  mode?: BatchResponseMode;
}
