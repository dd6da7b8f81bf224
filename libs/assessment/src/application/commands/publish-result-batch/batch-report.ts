export type RowStatus = 'recorded' | 'already-recorded' | 'rejected';

export interface RowProblem {
  code: string;
  status: number;
  message: string;
  field?: string;
  errors?: { field: string; message: string }[];
  /** For a rowId used on several rows: every line that carries it. */
  lines?: number[];
}

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
  /** Every row in upload order; `rejections` repeats the rejected ones for a quick look. */
  outcomes: RowOutcome[];
  rejections: RowOutcome[];
}
