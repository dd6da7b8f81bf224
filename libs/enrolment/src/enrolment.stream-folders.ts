import { ENROLMENT_AGGREGATES } from './application/enrolment-aggregates';

/**
 * How to fold enrolment's streams into state, for point-in-time replay by an auditor: the decider's own `evolve`.
 * The state holds no personal data (identities stay sealed in the events), so replay after an erasure shows the
 * same state as before it.
 */
export const ENROLMENT_STREAM_FOLDERS = ENROLMENT_AGGREGATES.foldings;
