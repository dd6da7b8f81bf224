import { AssessmentException } from '../../domain/assessment.exception';
import type { ParsedUpload } from './uploaded-row';
import { requireWithinRows, type UploadLimits } from './upload-limits';

/** Reads the `results` array of a JSON upload; each element is one row (its line is its 1-based position). */
export function parseJsonUpload(results: unknown, limits: UploadLimits): ParsedUpload {
  if (!Array.isArray(results))
    throw new AssessmentException('assessment.json-malformed', 'results must be an array of result rows', 'results');
  requireWithinRows(results.length, limits);
  return {
    format: 'json',
    rows: results.map((values, i) =>
      values !== null && typeof values === 'object' && !Array.isArray(values)
        ? { row: i + 1, line: i + 1, values: values as Record<string, unknown> }
        : { row: i + 1, line: i + 1, values: {}, unreadable: 'the row is not a JSON object' },
    ),
  };
}
