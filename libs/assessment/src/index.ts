export * from './assessment.config';
export * from './assessment.context';
export { transcriptDecider } from './domain/transcript/transcript.decider';
export { evolveTranscript, initialTranscriptState } from './domain/transcript/transcript.state';
export type { TranscriptEvent } from './domain/transcript/transcript.events';
export * from './assessment.stream-folders';
export * from './assessment.audited-read-models';
