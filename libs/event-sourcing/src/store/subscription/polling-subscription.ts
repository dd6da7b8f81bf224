import type { RecordedEvent } from '../../envelope';
import type { AllFilter, SubscribeOptions, Subscription } from '../../event-store.port';
import type { ChangeSignal } from './change-signal';

/** One page of the log after a position, as an adapter reads it. */
export interface LogPage {
  events: RecordedEvent[];
  /** Events exist beyond the page that readers may not see yet (uncommitted positions below them). */
  pending: boolean;
}

export type PageReader = (after: number, limit: number, filter: AllFilter | undefined) => Promise<LogPage>;

export interface PollingSubscriptionDeps {
  readPage: PageReader;
  signal: ChangeSignal;
  /** Longest wait without a change signal, a safety net for writers the signal cannot hear. */
  idlePollMs: number;
  /** Wait while the head is held back by an in-flight writer. */
  pendingPollMs: number;
  defaultBatchSize: number;
  /** Told when the subscription ends, so the store can forget it. */
  onEnd?: () => void;
}

/**
 * Catch-up then live subscription over any store that can read pages after a position. Pages are
 * read only as the handler finishes the previous one: a slow handler slows reading (back-pressure)
 * instead of filling memory.
 */
export function startPollingSubscription(options: SubscribeOptions, deps: PollingSubscriptionDeps): Subscription {
  const batchSize = options.batchSize ?? deps.defaultBatchSize;
  let position = options.fromPosition ?? 0;
  let stopped = false;
  let cancelWait: () => void = () => undefined;

  const run = async (): Promise<void> => {
    let caughtUp = false;
    while (!stopped) {
      const seen = deps.signal.current;
      const page = await deps.readPage(position, batchSize, options.filter);
      for (const event of page.events) {
        if (stopped) return;
        await options.handler(event);
        position = event.position;
      }
      if (page.events.length >= batchSize) continue;
      if (!caughtUp) {
        caughtUp = true;
        options.onCaughtUp?.();
      }
      if (stopped) return;
      const wait = deps.signal.wait(seen, page.pending ? deps.pendingPollMs : deps.idlePollMs);
      cancelWait = wait.cancel;
      await wait.promise;
    }
  };

  const done = run()
    .catch((error: unknown) => {
      if (!options.onError) throw error;
      options.onError(error);
    })
    .finally(() => deps.onEnd?.());

  return {
    get position() {
      return position;
    },
    async stop() {
      stopped = true;
      cancelWait();
      await done.catch(() => undefined);
    },
    done,
  };
}
