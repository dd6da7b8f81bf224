import { streamFolding } from '@alliance/event-sourcing';
import { RESULT_BATCH_STREAM_PREFIX, TRANSCRIPT_STREAM_PREFIX } from './application/assessment-streams';
import { evolveResultBatch } from './domain/batch/result-batch.decider';
import { evolveTranscript, initialTranscriptState } from './domain/transcript/transcript.state';

/** How to fold assessment's streams into state, for point-in-time replay by an auditor (the deciders' own `evolve`). */
export const ASSESSMENT_STREAM_FOLDERS = [
  streamFolding(TRANSCRIPT_STREAM_PREFIX, { initialState: initialTranscriptState, evolve: evolveTranscript }),
  streamFolding(RESULT_BATCH_STREAM_PREFIX, { initialState: () => ({ submissions: 0 }), evolve: evolveResultBatch }),
];
