import { streamName, streamPrefix } from '@alliance/event-sourcing';

export const ASSESSMENT = 'assessment';

export const transcriptStream = (enrolmentId: string): string => streamName(ASSESSMENT, 'transcript', enrolmentId);
export const resultBatchStream = (batchKey: string): string => streamName(ASSESSMENT, 'result-batch', batchKey);
export const TRANSCRIPT_STREAM_PREFIX = streamPrefix(ASSESSMENT, 'transcript');
export const RESULT_BATCH_STREAM_PREFIX = streamPrefix(ASSESSMENT, 'result-batch');
