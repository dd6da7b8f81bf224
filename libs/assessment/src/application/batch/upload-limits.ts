import { AssessmentException } from '../../domain/assessment.exception';

export interface UploadLimits {
  maxRows: number;
  maxBytes: number;
}

export function requireWithinBytes(bytes: number, limits: UploadLimits): void {
  if (bytes > limits.maxBytes) {
    throw new AssessmentException(
      'assessment.batch-too-large',
      `the upload is ${bytes} bytes; at most ${limits.maxBytes} are accepted`,
      'body',
      { maxBytes: limits.maxBytes },
    );
  }
}

export function requireWithinRows(rows: number, limits: UploadLimits): void {
  if (rows > limits.maxRows) {
    throw new AssessmentException(
      'assessment.batch-too-large',
      `the upload has ${rows} rows; at most ${limits.maxRows} are accepted per batch`,
      'body',
      { maxRows: limits.maxRows },
    );
  }
  if (rows === 0) throw new AssessmentException('assessment.batch-empty', 'the upload has no rows', 'body');
}
