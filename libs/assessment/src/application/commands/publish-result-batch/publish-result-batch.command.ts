import { IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { UploadedRow } from '../../batch/uploaded-row';
import { BaseCommand } from '../../base.command';

/** Publishes a cohort's results from one upload: each row is checked on its own, good rows are recorded. */
export class PublishResultBatchCommand extends BaseCommand {
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
}
