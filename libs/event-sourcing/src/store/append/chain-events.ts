import { type EventHasher, hashCanonicalContent } from '../hash-chain/compute-event-hash';
import type { PreparedEvent } from './prepare-events';

/** The current end of a stream: revision -1 and no hash when it does not exist. */
export interface StreamTip {
  revision: number;
  hash: string | null;
}

export const EMPTY_STREAM: StreamTip = { revision: -1, hash: null };

/** A prepared event placed in its stream: revision and hash chain fields computed. */
export interface ChainedEvent extends PreparedEvent {
  streamId: string;
  revision: number;
  previousHash: string | null;
  hash: string;
}

/** Places events after the stream's tip and links each to the one before it. */
export function chainEvents(
  streamId: string,
  tip: StreamTip,
  events: PreparedEvent[],
  hasher: EventHasher = hashCanonicalContent,
): ChainedEvent[] {
  let previousHash = tip.hash;
  return events.map((e, i) => {
    const chained = { ...e, streamId, revision: tip.revision + 1 + i, previousHash, hash: '' };
    chained.hash = hasher(chained);
    previousHash = chained.hash;
    return chained;
  });
}
