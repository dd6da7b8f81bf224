import type { RecordedEvent } from '../../envelope';
import { HashChainBrokenError } from '../errors/hash-chain-broken.error';
import { checkLink } from './check-link';

/**
 * Checks the chain inside a slice of one stream (any direction). The slice's first event is trusted
 * to link to what precedes it; only a read from revision 0 proves the whole stream.
 */
export function assertStreamChain(events: RecordedEvent[]): void {
  const ordered = events.length > 1 && events[0].revision > events[1].revision ? [...events].reverse() : events;
  for (let i = 0; i < ordered.length; i++) {
    const event = ordered[i];
    const previous = i > 0 ? ordered[i - 1] : undefined;
    const tip = previous
      ? { revision: previous.revision, hash: previous.hash }
      : event.revision > 0
        ? { revision: event.revision - 1, hash: event.previousHash ?? '' }
        : undefined;
    const broken = checkLink(event, tip);
    if (broken) throw new HashChainBrokenError(broken);
  }
}
