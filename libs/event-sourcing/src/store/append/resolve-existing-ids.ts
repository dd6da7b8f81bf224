import type { AppendResult } from '../../event-store.port';
import type { ExpectedRevision } from '../../expected-revision';
import { EventIdConflictError } from '../errors/event-id-conflict.error';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import { satisfiesExpected } from './expected-revision-check';
import type { PreparedEvent } from './prepare-events';

/** Where an already stored event id lives. */
export interface StoredIdentity {
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
}

/**
 * Decides an append some of whose ids are already stored. A repeat of an earlier append (every id,
 * same stream, consecutive revisions in the same order, and an expectation the earlier append met)
 * returns that append's result; anything else is an error, never a partial write.
 */
export function resolveExistingIds(
  streamId: string,
  events: PreparedEvent[],
  existing: StoredIdentity[],
  expected: ExpectedRevision,
  /** Revision of the stream now, for the error when the expectation does not match. */
  currentRevision: number,
): AppendResult {
  const byId = new Map(existing.map((e) => [e.eventId, e]));
  const ids = existing.map((e) => e.eventId);
  if (existing.length !== events.length) {
    throw new EventIdConflictError(streamId, ids, `${existing.length} of the ${events.length} events are already stored`);
  }
  const first = byId.get(events[0].eventId)!;
  events.forEach((e, i) => {
    const stored = byId.get(e.eventId)!;
    if (stored.streamId !== streamId)
      throw new EventIdConflictError(streamId, ids, `event ${e.eventId} is stored in stream ${stored.streamId}`);
    if (stored.revision !== first.revision + i) throw new EventIdConflictError(streamId, ids, 'the events are stored in another order');
  });
  // The repeat must state what the original stated, or it is a different decision on a stale stream.
  if (!satisfiesExpected(expected, first.revision - 1)) throw new WrongExpectedRevisionError(streamId, expected, currentRevision);
  const last = byId.get(events[events.length - 1].eventId)!;
  return { nextRevision: last.revision, lastPosition: last.position };
}
