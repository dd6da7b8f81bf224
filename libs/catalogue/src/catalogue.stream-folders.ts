import { CATALOGUE_AGGREGATES } from './application/catalogue-aggregates';

/**
 * How to fold the catalogue's streams into state, for point-in-time replay by an auditor: each aggregate's own
 * decider, so replayed state is exactly what decisions saw.
 */
export const CATALOGUE_STREAM_FOLDERS = CATALOGUE_AGGREGATES.foldings;
