import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@alliance/nest-kit';

/** The assessment service's own settings on top of the shared ones. */
export class AssessmentConfig extends ServiceConfig {
  /** Rows accepted in one bulk upload (JSON array or CSV file). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  ASSESSMENT_BATCH_MAX_ROWS = 10_000;

  /** Bytes accepted in one bulk upload. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  ASSESSMENT_BATCH_MAX_BYTES = 8 * 1024 * 1024;

  /** Transcripts written at once while an upload is processed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  ASSESSMENT_BATCH_CONCURRENCY = 16;

  /** Consumer group on the bus: every replica of the service shares it (a test run may pick its own). */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'ASSESSMENT_CONSUMER_GROUP must be a lower-case group name' })
  ASSESSMENT_CONSUMER_GROUP = 'assessment';
}
