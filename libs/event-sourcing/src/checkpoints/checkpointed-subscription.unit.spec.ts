import type { RecordedEvent } from '../envelope';
import type { EventStore, SubscribeOptions, Subscription } from '../event-store.port';
import { NO_STREAM } from '../expected-revision';
import { pollUntil } from '../retry/poll-until';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { InMemoryCheckpointStore } from './checkpoint-store.port';
import { CheckpointedSubscription } from './checkpointed-subscription';

const meta = { occurredAt: '2026-12-01T10:00:00.000Z', actor: { subject: 'tester' }, correlationId: 'corr' };

async function append(store: EventStore, n: number, text = `thing ${n}`): Promise<void> {
  await store.appendToStream(`demo.thing-${n}`, [{ type: 'ThingHappened', data: { n, text }, metadata: meta }], {
    expectedRevision: NO_STREAM,
  });
}

/** The store, except that its first `failures` subscriptions end at once with a read error (a disk I/O error). */
function failingFirst(store: EventStore, failures: number): EventStore {
  let left = failures;
  return Object.assign(Object.create(store) as EventStore, {
    subscribeToAll(options: SubscribeOptions): Subscription {
      if (left-- <= 0) return store.subscribeToAll(options);
      options.onError?.(new Error('disk I/O error'));
      return { position: 0, stop: async () => undefined, done: Promise.resolve() };
    },
  });
}

describe('CheckpointedSubscription', () => {
  let store: InMemoryEventStore;
  let checkpoints: InMemoryCheckpointStore;
  const running: CheckpointedSubscription[] = [];
  beforeEach(() => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryCheckpointStore();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });

  const consumer = (options: Partial<ConstructorParameters<typeof CheckpointedSubscription>[0]> & { seen: RecordedEvent[] }) => {
    const { seen, ...rest } = options;
    const subscription = new CheckpointedSubscription({
      name: 'demo',
      store,
      checkpoints,
      backoff: { initialMs: 5, maxMs: 20 },
      handle: async (event) => {
        seen.push(event);
        await checkpoints.save('demo', event.position);
      },
      ...rest,
    });
    running.push(subscription);
    return subscription;
  };

  it('hands over the events after the stored checkpoint, in order, with unstorable text repaired', async () => {
    for (const n of [1, 2, 3]) await append(store, n);
    await checkpoints.save('demo', 1);
    const starts: number[] = [];
    const seen: RecordedEvent[] = [];
    await consumer({ seen, onStart: (c) => starts.push(c) }).start();
    await append(store, 4, 'broken \u0000 text');
    await pollUntil(() => (seen.length === 3 ? true : undefined), { timeoutMs: 2_000, intervalMs: 5 });
    expect(starts).toEqual([1]);
    expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([2, 3, 4]);
    expect((seen[2]!.data as { text: string }).text).toBe('broken \uFFFD text');
  });

  it('starts again from the stored checkpoint after the log could not be read, reporting each failure', async () => {
    for (const n of [1, 2]) await append(store, n);
    await checkpoints.save('demo', 1);
    const errors: [string, number][] = [];
    const starts: number[] = [];
    const seen: RecordedEvent[] = [];
    await consumer({
      seen,
      store: failingFirst(store, 2),
      onStart: (c) => starts.push(c),
      onError: (error, attempt) => errors.push([(error as Error).message, attempt]),
    }).start();
    await pollUntil(() => (seen.length === 1 ? true : undefined), { timeoutMs: 2_000, intervalMs: 5 });
    expect(errors).toEqual([
      ['disk I/O error', 1],
      ['disk I/O error', 2],
    ]);
    expect(starts).toEqual([1, 1, 1]);
    expect(seen.map((e) => e.position)).toEqual([2]);
  });

  it('cuts every pause short on stop, and lets the consumer finish what it holds', async () => {
    const seen: RecordedEvent[] = [];
    let finished = 0;
    const subscription = consumer({
      seen,
      store: failingFirst(store, 1),
      backoff: { initialMs: 60_000, maxMs: 60_000 },
      onStopped: async () => void finished++,
    });
    await subscription.start();
    const ownRetry = subscription.pause(60_000);
    const started = Date.now();
    await subscription.stop();
    await ownRetry;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(subscription.stopping).toBe(true);
    expect(subscription.running).toBe(false);
    // Stopped during the back-off, not while subscribed: nothing was held to finish.
    expect(finished).toBe(0);

    const again = consumer({ seen, onStopped: async () => void finished++ });
    await again.start();
    expect(again.running).toBe(true);
    await again.stop();
    expect(finished).toBe(1);
  });
});
