import { streamName, streamPrefix } from '@alliance/event-sourcing';

export const ENROLMENT = 'enrolment';

export const learnerStream = (learnerId: string): string => streamName(ENROLMENT, 'learner', learnerId);
export const LEARNER_STREAM_PREFIX = streamPrefix(ENROLMENT, 'learner');
