import type { AllFilter, EventStore } from '../../event-store.port';
import type { ChainBreak } from './chain-break';
import { checkLink, type ChainTip } from './check-link';

export interface VerifyChainOptions {
  /** Only whole streams can be checked, so the filter narrows by stream prefix (or type, at the caller's risk). */
  filter?: AllFilter;
  /** Called every `progressEvery` events and once at the end with the number checked so far. */
  onProgress?: (checked: number) => void;
  progressEvery?: number;
  batchSize?: number;
}

/** Outcome of {@link verifyChain}: every link held, or the first one that did not. */
export type ChainVerification = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: ChainBreak };

/**
 * Walks the store from position zero, recomputing every event's hash and checking it links to the
 * previous event of its stream; stops at the first broken link. Memory grows with the number of
 * streams (one tip each), not with the number of events.
 */
export async function verifyChain(store: Pick<EventStore, 'readAll'>, options: VerifyChainOptions = {}): Promise<ChainVerification> {
  const tips = new Map<string, ChainTip>();
  const every = options.progressEvery ?? 10_000;
  let checked = 0;
  for await (const event of store.readAll({ fromPosition: 0, filter: options.filter, batchSize: options.batchSize })) {
    const broken = checkLink(event, tips.get(event.streamId));
    if (broken) {
      options.onProgress?.(checked);
      return { ok: false, checked, brokenAt: broken };
    }
    tips.set(event.streamId, { revision: event.revision, hash: event.hash });
    checked++;
    if (checked % every === 0) options.onProgress?.(checked);
  }
  options.onProgress?.(checked);
  return { ok: true, checked };
}
