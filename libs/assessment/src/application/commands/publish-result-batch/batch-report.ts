/** `pending` only while an upload is being processed (seen on the batch resource); a final report has none. */
export type RowStatus = 'pending' | 'recorded' | 'already-recorded' | 'rejected';

export interface RowProblem {
  code: string;
  status: number;
  message: string;
  field?: string;
  errors?: { field: string; message: string }[];
  /** For a rowId used on several rows: every line that carries it. */
  lines?: number[];
  /**
   * The row may be recorded if the same file is sent again later: its enrolment is not known to assessment yet
   * (enrolments arrive from the enrolment service a moment after it answered).
   */
  retryable?: boolean;
}

/** Seconds a client waits before sending a file with retryable rows again (the `Retry-After` of the answer). */
export const RETRY_AFTER_SECONDS = 2;

/** Problems that another attempt may not meet: the fact the row waits for is on its way. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['assessment.enrolment-not-found']);

/** What happened to one row, with where it was in the upload. */
export interface RowOutcome {
  row: number;
  line: number;
  rowId?: string;
  enrolmentId?: string;
  componentCode?: string;
  status: RowStatus;
  resultId?: string;
  problem?: RowProblem;
}

export interface BatchReport {
  batchId: string;
  format: 'json' | 'csv';
  digest: string;
  rows: number;
  recorded: number;
  alreadyRecorded: number;
  rejected: number;
  /** Rejected rows that sending the same file again may record (see `RowProblem.retryable`). */
  retryable: number;
  /** Every row in upload order; `rejections` repeats the rejected ones for a quick look. */
  outcomes: RowOutcome[];
  rejections: RowOutcome[];
}
