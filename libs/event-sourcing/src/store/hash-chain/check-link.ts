import type { RecordedEvent } from '../../envelope';
import type { ChainBreak } from './chain-break';
import { computeEventHash } from './compute-event-hash';

/** The last event seen of a stream, as far as the chain is concerned. */
export interface ChainTip {
  revision: number;
  hash: string;
}

/**
 * Checks one event against the tip of its stream (undefined: the stream starts here, at revision 0
 * with no previous hash). Returns the break, or undefined when the link holds.
 */
export function checkLink(event: RecordedEvent, tip: ChainTip | undefined): ChainBreak | undefined {
  const at = { streamId: event.streamId, revision: event.revision, position: event.position, eventId: event.eventId };
  const expectedRevision = tip ? tip.revision + 1 : 0;
  const expectedPrevious = tip ? tip.hash : null;
  if (event.revision !== expectedRevision) {
    return { ...at, expectedHash: expectedPrevious ?? '', foundHash: event.previousHash ?? '', reason: 'revision-gap' };
  }
  if (event.previousHash !== expectedPrevious) {
    return { ...at, expectedHash: expectedPrevious ?? '', foundHash: event.previousHash ?? '', reason: 'previous-hash-mismatch' };
  }
  const recomputed = computeEventHash(event);
  if (recomputed !== event.hash) return { ...at, expectedHash: recomputed, foundHash: event.hash, reason: 'hash-mismatch' };
  return undefined;
}
