/** A bulk upload recorded results: which file (by digest), from whom, and how its rows fared. */
export type ResultBatchProcessed = {
  type: 'ResultBatchProcessed';
  data: {
    batchId: string;
    institutionId: string;
    /** SHA-256 of the uploaded rows: the same batch id never stands for two different files. */
    digest: string;
    format: 'json' | 'csv';
    rows: number;
    recorded: number;
    alreadyRecorded: number;
    rejected: number;
    /** 1 for the first submission of this file. */
    submission: number;
    processedAt: string;
  };
};

export type ResultBatchEvent = ResultBatchProcessed;
export const RESULT_BATCH_EVENT_TYPES: readonly ResultBatchEvent['type'][] = ['ResultBatchProcessed'];
