import type { RecordedEvent } from '../../envelope';

/** Columns every read selects, in the order `toRecordedEvent` expects. */
export const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash';

export type EventRow = [number, string, string, number, string, number, string, string, string | null, string];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row[1],
    streamId: row[2],
    revision: row[3],
    position: row[0],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]),
    metadata: JSON.parse(row[7]),
    previousHash: row[8],
    hash: row[9],
  };
}
