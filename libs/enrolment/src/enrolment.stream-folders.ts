import { streamFolding } from '@alliance/event-sourcing';
import { LEARNER_STREAM_PREFIX } from './application/enrolment-streams';
import { evolveLearner, initialLearnerState } from './domain/learner/learner.state';

/**
 * How to fold enrolment's streams into state, for point-in-time replay by an auditor: the same `evolve` the
 * decider uses. The state holds no personal data (identities stay sealed in the events), so replay after an
 * erasure shows the same state as before it.
 */
export const ENROLMENT_STREAM_FOLDERS = [
  streamFolding(LEARNER_STREAM_PREFIX, { initialState: initialLearnerState, evolve: evolveLearner }),
];
