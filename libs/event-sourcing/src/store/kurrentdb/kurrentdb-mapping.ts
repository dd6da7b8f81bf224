import {
  type AppendStreamState,
  eventTypeFilter,
  excludeSystemEvents,
  type Filter,
  jsonEvent,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
  NO_STREAM as KURRENT_NO_STREAM,
  START,
  STREAM_EXISTS as KURRENT_STREAM_EXISTS,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, RecordedEvent } from '../../envelope';
import type { AllFilter } from '../../event-store.port';
import { type ExpectedRevision, NO_STREAM, STREAM_EXISTS } from '../../expected-revision';
import type { ChainedEvent } from '../append/chain-events';

/** Metadata key under which the envelope fields KurrentDB has no slot for are kept. */
const ENVELOPE = '$alliance';

interface StoredEnvelope {
  schemaVersion: number;
  previousHash: string | null;
  hash: string;
}

/** The KurrentDB event for a chained event; correlation and causation also go where KurrentDB's own projections look. */
export function toEventData(event: ChainedEvent): EventData {
  const envelope: StoredEnvelope = { schemaVersion: event.schemaVersion, previousHash: event.previousHash, hash: event.hash };
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // JSON scalars are valid event bodies; the client's type only names containers.
    data: event.data as JSONType,
    metadata: {
      ...event.metadata,
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId ?? event.eventId,
      [ENVELOPE]: envelope,
    },
  });
}

/** The port's envelope for a KurrentDB event; undefined for system events and links, which are not ours. */
export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const e = resolved.event;
  if (!e || !e.isJson || e.streamId.startsWith('$') || e.type.startsWith('$')) return undefined;
  const {
    [ENVELOPE]: stored,
    $correlationId: _correlation,
    $causationId: _causation,
    ...metadata
  } = (e.metadata ?? {}) as Record<string, unknown>;
  const envelope = (stored ?? {}) as Partial<StoredEnvelope>;
  const commit = resolved.commitPosition ?? e.position?.commit ?? 0n;
  return {
    eventId: e.id,
    streamId: e.streamId,
    revision: Number(e.revision),
    position: Number(commit),
    type: e.type,
    schemaVersion: envelope.schemaVersion ?? 1,
    data: e.data,
    metadata: metadata as unknown as EventMetadata,
    previousHash: envelope.previousHash ?? null,
    // An event written around this adapter has no hash: the verifier reports it as a broken link.
    hash: envelope.hash ?? '',
  };
}

/**
 * Positions are KurrentDB commit positions (log offsets, increasing but with holes); outside explicit
 * transactions the prepare position equals the commit position.
 */
export function toReadPosition(position: number): ReadPosition {
  if (position <= 0) return START;
  const p: Position = { commit: BigInt(position), prepare: BigInt(position) };
  return p;
}

/**
 * KurrentDB filters on stream prefixes or on type prefixes, not both: the server applies one (prefixes
 * first) and `matchesFilter` the rest, exactly.
 */
export function serverFilter(filter: AllFilter | undefined): Filter {
  if (filter?.streamPrefixes && filter.streamPrefixes.length > 0) return streamNameFilter({ prefixes: filter.streamPrefixes });
  if (filter?.eventTypes && filter.eventTypes.length > 0) return eventTypeFilter({ prefixes: filter.eventTypes });
  return excludeSystemEvents();
}

export function matchesFilter(event: Pick<RecordedEvent, 'streamId' | 'type'>, filter: AllFilter | undefined): boolean {
  if (filter?.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  if (filter?.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

/**
 * What the server is asked to check. Exact expectations go as stated, so the server can recognise a
 * repeated append (same ids right after that revision) and answer it as a no-op; "any" and "exists"
 * are pinned to the tip the hash chain was computed on, and retried if the tip moved.
 */
export function toStreamState(expected: ExpectedRevision, tipRevision: number): AppendStreamState {
  if (expected === NO_STREAM || expected === -1) return KURRENT_NO_STREAM;
  if (typeof expected === 'number') return BigInt(expected);
  if (expected === STREAM_EXISTS && tipRevision < 0) return KURRENT_STREAM_EXISTS;
  return tipRevision < 0 ? KURRENT_NO_STREAM : BigInt(tipRevision);
}
