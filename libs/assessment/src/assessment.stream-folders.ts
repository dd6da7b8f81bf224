import { ASSESSMENT_AGGREGATES } from './application/assessment-aggregates';

/** How to fold assessment's streams into state, for point-in-time replay by an auditor (the deciders' own `evolve`). */
export const ASSESSMENT_STREAM_FOLDERS = ASSESSMENT_AGGREGATES.foldings;
