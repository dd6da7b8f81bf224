import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { SubscribeOptions, Subscription } from '../../event-store.port';
import { matchesFilter, serverFilter, toReadPosition, toRecordedEvent } from './kurrentdb-mapping';

/**
 * A KurrentDB catch-up subscription behind the port. Events are pulled one at a time through the
 * stream's async iterator, so a slow handler pauses the subscription (back-pressure). The server says
 * when it caught up while earlier events may still sit in the client's buffer: `onCaughtUp` waits
 * until those are handled.
 */
export function subscribeToKurrent(client: KurrentDBClient, options: SubscribeOptions): Subscription {
  let position = options.fromPosition ?? 0;
  let stopped = false;
  let consumed = 0;
  let inHandler = false;
  let caughtUpAt: number | undefined;
  let caughtUpSent = false;
  const subscription = client.subscribeToAll({ fromPosition: toReadPosition(position), filter: serverFilter(options.filter) });

  const maybeCaughtUp = () => {
    if (!caughtUpSent && caughtUpAt !== undefined && consumed >= caughtUpAt) {
      caughtUpSent = true;
      options.onCaughtUp?.();
    }
  };
  subscription.on('caughtUp', () => {
    caughtUpAt ??= consumed + (inHandler ? 1 : 0) + subscription.readableLength;
    maybeCaughtUp();
  });

  const run = async () => {
    for await (const resolved of subscription) {
      if (stopped) break;
      const event = toRecordedEvent(resolved);
      if (event && event.position > position && matchesFilter(event, options.filter)) {
        inHandler = true;
        await options.handler(event);
        inHandler = false;
        position = event.position;
      }
      consumed++;
      maybeCaughtUp();
      if (stopped) break;
    }
  };

  const done = run()
    .catch((error: unknown) => {
      if (stopped) return;
      if (!options.onError) throw error;
      options.onError(error);
    })
    .finally(() => subscription.unsubscribe().catch(() => undefined));

  return {
    get position() {
      return position;
    },
    async stop() {
      stopped = true;
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
      await done.catch(() => undefined);
    },
    done,
  };
}
