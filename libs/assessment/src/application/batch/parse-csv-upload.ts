import { CsvError, parse } from 'csv-parse/sync';
import { AssessmentException } from '../../domain/assessment.exception';
import { REQUIRED_COLUMNS, RESULT_COLUMNS } from './result-row.input';
import type { ParsedUpload, UploadedRow } from './uploaded-row';
import { requireWithinRows, type UploadLimits } from './upload-limits';

type Parsed = { record: Record<string, string>; info: { lines: number; error?: { code: string } } };

/**
 * Reads a CSV upload with a header row. A file that cannot be read as CSV (an unclosed quote), or whose
 * header is wrong, is refused whole (400, with the line or the columns); a row with the wrong number of
 * cells is only that row's problem.
 */
export function parseCsvUpload(text: string, limits: UploadLimits): ParsedUpload {
  let parsed: Parsed[];
  try {
    parsed = parse(text, {
      columns: header,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
      max_record_size: 64 * 1024,
    }) as Parsed[];
  } catch (error) {
    if (error instanceof AssessmentException) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new AssessmentException(
        'assessment.csv-malformed',
        `the CSV file cannot be read${line ? ` at line ${line}` : ''}: ${error.message}`,
        'body',
        {
          line,
          csvError: error.code,
        },
      );
    }
    throw error;
  }
  requireWithinRows(parsed.length, limits);
  const rows: UploadedRow[] = parsed.map(({ record, info }, i) => ({
    row: i + 1,
    line: info.lines,
    values: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '')),
    ...(info.error
      ? { unreadable: `the row has a different number of cells than the header (${RESULT_COLUMNS.length} columns at most)` }
      : {}),
  }));
  return { format: 'csv', rows };
}

function header(columns: string[]): string[] {
  const names = columns.map((c) => c.trim());
  const unknown = names.filter((c) => !(RESULT_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const duplicated = names.filter((c, i) => names.indexOf(c) !== i);
  if (unknown.length || missing.length || duplicated.length) {
    const problems = [
      ...(missing.length ? [`missing ${missing.join(', ')}`] : []),
      ...(unknown.length ? [`unknown ${unknown.join(', ')}`] : []),
      ...(duplicated.length ? [`repeated ${duplicated.join(', ')}`] : []),
    ];
    throw new AssessmentException(
      'assessment.csv-header',
      `the CSV header (line 1) is wrong: ${problems.join('; ')}. Columns: ${RESULT_COLUMNS.join(',')}`,
      'header',
      {
        line: 1,
        missingColumns: missing,
        unknownColumns: unknown,
      },
    );
  }
  return names;
}
