import type { EventLoopTurns } from '../../batch/event-loop-turns';
import type { ResultRowInput } from '../../batch/result-row.input';
import type { UploadedRow } from '../../batch/uploaded-row';
import { validateRow } from '../../batch/validate-row';
import { rowResultId } from '../../result-ids';
import type { RowOutcome } from './batch-report';

export type GoodRow = { outcome: RowOutcome; input: ResultRowInput; resultId: string };

export interface ClassifiedRows {
  /** One per uploaded row, in upload order; rows that cannot be recorded are already `rejected`. */
  outcomes: RowOutcome[];
  /** The well-formed rows (still `pending`) by enrolment. */
  groups: Map<string, GoodRow[]>;
}

/** Reads every row on its own: unreadable, sharing a rowId, or invalid rows are rejected; the rest grouped by enrolment. */
export async function classifyRows(rows: UploadedRow[], batchKey: string, turns: EventLoopTurns): Promise<ClassifiedRows> {
  const outcomes: RowOutcome[] = [];
  const groups = new Map<string, GoodRow[]>();
  const repeated = repeatedRowIds(rows);
  for (const uploaded of rows) {
    await turns.turn();
    const outcome: RowOutcome = { row: uploaded.row, line: uploaded.line, status: 'rejected', ...identify(uploaded.values) };
    outcomes.push(outcome);
    if (uploaded.unreadable) {
      outcome.problem = { code: 'assessment.row-unreadable', status: 400, message: uploaded.unreadable };
      continue;
    }
    const sharing = outcome.rowId !== undefined ? repeated.get(outcome.rowId) : undefined;
    if (sharing) {
      // Which of the rows the id was meant for cannot be told, so none is recorded: each would take the same result id.
      outcome.problem = {
        code: 'assessment.row-id-duplicate',
        status: 422,
        field: 'rowId',
        message: `rowId ${outcome.rowId} appears on lines ${sharing.join(', ')}; a rowId names one row of a batch, so none of these rows is recorded`,
        lines: sharing,
      };
      continue;
    }
    const check = validateRow(uploaded.values);
    if (!check.ok) {
      outcome.problem = {
        code: 'assessment.row-invalid',
        status: 400,
        field: check.errors[0].field,
        message: check.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors: check.errors,
      };
      continue;
    }
    outcome.status = 'pending';
    const group = groups.get(check.input.enrolmentId) ?? [];
    group.push({ outcome, input: check.input, resultId: rowResultId(batchKey, { rowId: check.input.rowId, row: uploaded.row }) });
    groups.set(check.input.enrolmentId, group);
  }
  return { outcomes, groups };
}

/** Each client rowId used on more than one row of the upload, with the lines that carry it. */
function repeatedRowIds(rows: UploadedRow[]): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const r of rows) {
    const rowId = r.unreadable ? undefined : r.values.rowId;
    if (typeof rowId === 'string' && rowId) lines.set(rowId, [...(lines.get(rowId) ?? []), r.line]);
  }
  return new Map([...lines].filter(([, at]) => at.length > 1));
}

function identify(values: Record<string, unknown>): Pick<RowOutcome, 'rowId' | 'enrolmentId' | 'componentCode'> {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const out: Pick<RowOutcome, 'rowId' | 'enrolmentId' | 'componentCode'> = {};
  if (text(values.rowId)) out.rowId = text(values.rowId);
  if (text(values.enrolmentId)) out.enrolmentId = text(values.enrolmentId);
  if (text(values.componentCode)) out.componentCode = text(values.componentCode);
  return out;
}
