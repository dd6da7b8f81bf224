import type { UploadLimits } from './upload-limits';

/** How bulk uploads are bounded and processed; from the service configuration. */
export abstract class BatchSettings implements UploadLimits {
  abstract readonly maxRows: number;
  abstract readonly maxBytes: number;
  /** Transcripts written at once while processing one upload. */
  abstract readonly concurrency: number;
}
