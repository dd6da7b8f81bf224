import type { EventMetadata, NewEvent } from '../../envelope';
import { newEventId, normalizeEventId } from '../event-id';
import { findUnstorableText } from '../../storable-text/unstorable-text';
import { UnstorableEventError } from '../errors/unstorable-event.error';
import { canonicalJson } from '../hash-chain/canonical-json';

/** An event ready to be chained and stored: id assigned, defaults applied. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  /** Canonical (JCS) JSON of data and metadata: hashed, and stored as is. */
  dataJson: string;
  metadataJson: string;
}

export interface PreparedAppend {
  events: PreparedEvent[];
  /** Whether any id came from the caller: only then can the append repeat an earlier one. */
  callerSuppliedIds: boolean;
}

/**
 * Validates a proposed append and fills in what the store owns (ids, schema version). Every adapter appends
 * through here, so none stores text a projection could not hold (see `UnstorableEventError`).
 */
export function prepareEvents(streamId: string, events: NewEvent[]): PreparedAppend {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('Stream id must be a non-empty string');
  const seen = new Set<string>();
  let callerSuppliedIds = false;
  const prepared = events.map((e): PreparedEvent => {
    if (typeof e.type !== 'string' || e.type.length === 0)
      throw new TypeError(`Event type must be a non-empty string (stream ${streamId})`);
    if (e.metadata === null || typeof e.metadata !== 'object') throw new TypeError(`Event ${e.type} has no metadata (stream ${streamId})`);
    const schemaVersion = e.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1)
      throw new TypeError(`Event ${e.type}: schemaVersion must be a positive integer`);
    if (e.eventId !== undefined) callerSuppliedIds = true;
    const eventId = e.eventId === undefined ? newEventId() : normalizeEventId(e.eventId);
    if (seen.has(eventId)) throw new TypeError(`Event id ${eventId} appears twice in one append to ${streamId}`);
    seen.add(eventId);
    // JSON has no undefined: store and hash the null that a read would return.
    const data = e.data === undefined ? null : e.data;
    assertStorable(streamId, e.type, data, e.metadata);
    return {
      eventId,
      type: e.type,
      schemaVersion,
      data,
      metadata: e.metadata,
      dataJson: canonicalJson(data) ?? 'null',
      metadataJson: canonicalJson(e.metadata)!,
    };
  });
  return { events: prepared, callerSuppliedIds };
}

/** The one gate for unstorable text, before any byte is hashed or written. */
function assertStorable(streamId: string, type: string, data: unknown, metadata: EventMetadata): void {
  const where =
    findUnstorableText(streamId, 'streamId') ??
    findUnstorableText(type, 'type') ??
    findUnstorableText(data, 'data') ??
    findUnstorableText(metadata, 'metadata');
  if (where) throw new UnstorableEventError(streamId, type, where);
}
