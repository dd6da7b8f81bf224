import { v5 as uuidv5 } from 'uuid';

/** Namespace of the ids this context derives (batch keys, result ids of uploaded rows). */
const NAMESPACE = '6f1c1f0e-7d55-4d1e-9a53-2a2f4e0b7a10';

/** A client batch id is scoped to the uploading institution: two institutions may pick the same name. */
export const batchKeyOf = (institutionId: string, batchId: string): string => uuidv5(`batch/${institutionId}/${batchId}`, NAMESPACE);

/** The same row of the same batch always gets the same result id: that is what makes re-submission idempotent. */
export const rowResultId = (batchKey: string, row: { rowId?: string; row: number }): string =>
  uuidv5(row.rowId ? `${batchKey}/row-id/${row.rowId}` : `${batchKey}/row/${row.row}`, NAMESPACE);

/**
 * The event id of a result's publication: one per result id, whichever transcript it lands in. The event store
 * refuses an id it already holds in another stream, atomically with the append, so two requests publishing one
 * result id for two enrolments cannot both succeed, however close together they arrive.
 */
export const publicationEventId = (resultId: string): string => uuidv5(`result-published/${resultId}`, NAMESPACE);
