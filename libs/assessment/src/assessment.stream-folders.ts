import type { RecordedEvent } from '@alliance/event-sourcing';
import { RESULT_BATCH_STREAM_PREFIX, TRANSCRIPT_STREAM_PREFIX } from './application/assessment-streams';
import { evolveResultBatch } from './domain/batch/result-batch.decider';
import type { ResultBatchEvent } from './domain/batch/result-batch.events';
import type { TranscriptEvent } from './domain/transcript/transcript.events';
import { evolveTranscript, initialTranscriptState } from './domain/transcript/transcript.state';

/** How to fold assessment's streams into state, for point-in-time replay by an auditor (the deciders' own `evolve`). */
export const ASSESSMENT_STREAM_FOLDERS = [
  {
    streamPrefix: TRANSCRIPT_STREAM_PREFIX,
    initialState: initialTranscriptState as () => unknown,
    evolve: (state: unknown, e: RecordedEvent) => evolveTranscript(state as never, { type: e.type, data: e.data } as TranscriptEvent) as unknown,
  },
  {
    streamPrefix: RESULT_BATCH_STREAM_PREFIX,
    initialState: (() => ({ submissions: 0 })) as () => unknown,
    evolve: (state: unknown, e: RecordedEvent) => evolveResultBatch(state as never, { type: e.type, data: e.data } as ResultBatchEvent) as unknown,
  },
];
