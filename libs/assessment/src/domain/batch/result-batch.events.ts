/** The file a batch id names: the uploading institution, the file's digest and format, and its number of rows. */
export interface BatchFile {
  batchId: string;
  institutionId: string;
  /** SHA-256 of the uploaded rows: the same batch id never stands for two different files. */
  digest: string;
  format: 'json' | 'csv';
  rows: number;
}

/** How the rows of a file fared. */
export interface BatchTally {
  recorded: number;
  alreadyRecorded: number;
  rejected: number;
}

export interface ProcessedBatch extends BatchFile, BatchTally {
  /** 1 for the first submission of this file. */
  submission: number;
  processedAt: string;
}

/** A bulk upload recorded results: which file (by digest), from whom, and how its rows fared. */
export type ResultBatchProcessed = { type: 'ResultBatchProcessed'; data: ProcessedBatch };

/**
 * A batch id was claimed for a file, before any of its rows is read: from then on the id names that file only,
 * even when the upload is interrupted, and re-sending the same file completes it.
 */
export type ResultBatchOpened = {
  type: 'ResultBatchOpened';
  data: BatchFile & { openedAt: string };
};

/** The upload that claimed the id recorded no row (it stopped, and on the next attempt every row was refused): the id is free again. */
export type ResultBatchReleased = {
  type: 'ResultBatchReleased';
  data: { batchId: string; institutionId: string; digest: string; rows: number; rejected: number; releasedAt: string };
};

export type ResultBatchEvent = ResultBatchOpened | ResultBatchProcessed | ResultBatchReleased;
export const RESULT_BATCH_EVENT_TYPES: readonly ResultBatchEvent['type'][] = [
  'ResultBatchOpened',
  'ResultBatchProcessed',
  'ResultBatchReleased',
];
