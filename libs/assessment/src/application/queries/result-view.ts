import type { ResultRecordRow } from '../ports/result-records.port';

/** A result as the API shows it: the effective (latest) facts, and every amendment with its reason. */
export interface ResultView extends Omit<ResultRecordRow, 'evidenceUrl' | 'assessor' | 'batchId' | 'rowRef'> {
  evidenceUrl?: string;
  assessor?: string;
  batchId?: string;
  rowRef?: string;
  amended: boolean;
}

export function resultView(row: ResultRecordRow): ResultView {
  const { evidenceUrl, assessor, batchId, rowRef, ...rest } = row;
  return {
    ...rest,
    ...(evidenceUrl ? { evidenceUrl } : {}),
    ...(assessor ? { assessor } : {}),
    ...(batchId ? { batchId } : {}),
    ...(rowRef ? { rowRef } : {}),
    amended: row.amendments.length > 0,
  };
}
