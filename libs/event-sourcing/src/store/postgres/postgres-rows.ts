import type { RecordedEvent } from '../../envelope';

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
