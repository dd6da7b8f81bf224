import type { RecordedEvent } from '../../envelope';
import type { AllFilter } from '../../event-store.port';

/** Columns every read selects, in the order `toRecordedEvent` expects (rows come back as arrays). */
export const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash';

export type EventRow = [number, string, string, number, string, number, unknown, RecordedEvent['metadata'], string | null, string];

export function toRecordedEvent(row: unknown[]): RecordedEvent {
  const r = row as EventRow;
  return {
    eventId: r[1],
    streamId: r[2],
    revision: r[3],
    position: r[0],
    type: r[4],
    schemaVersion: r[5],
    data: r[6],
    metadata: r[7],
    previousHash: r[8],
    hash: r[9],
  };
}

/** LIKE pattern matching strings that start with `prefix` literally. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE clauses and parameters (numbered from `firstParam`) for a read-all filter. */
export function filterClauses(filter: AllFilter | undefined, firstParam: number): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter?.eventTypes) {
    params.push(filter.eventTypes);
    clauses.push(`type = ANY($${firstParam + params.length - 1}::text[])`);
  }
  if (filter?.streamPrefixes) {
    params.push(filter.streamPrefixes.map(prefixPattern));
    clauses.push(`stream_id LIKE ANY($${firstParam + params.length - 1}::text[])`);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}
