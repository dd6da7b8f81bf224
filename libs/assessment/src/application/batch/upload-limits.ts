import { AssessmentException } from '../../domain/assessment.exception';

export interface UploadLimits {
  maxRows: number;
  maxBytes: number;
}

export function requireWithinBytes(bytes: number, limits: UploadLimits): void {
  if (bytes > limits.maxBytes) {
    throw new AssessmentException('batch-too-large', `the upload is ${bytes} bytes; at most ${limits.maxBytes} are accepted`, 413, 'body', { maxBytes: limits.maxBytes });
  }
}

export function requireWithinRows(rows: number, limits: UploadLimits): void {
  if (rows > limits.maxRows) {
    throw new AssessmentException('batch-too-large', `the upload has ${rows} rows; at most ${limits.maxRows} are accepted per batch`, 413, 'body', { maxRows: limits.maxRows });
  }
  if (rows === 0) throw AssessmentException.invalid('batch-empty', 'the upload has no rows', 'body');
}
