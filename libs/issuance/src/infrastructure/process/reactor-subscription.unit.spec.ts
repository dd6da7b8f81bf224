import { InMemoryCheckpointStore, InMemoryEventStore, NO_STREAM, type NewEvent, type RecordedEvent } from '@alliance/event-sourcing';
import { eventually } from '@alliance/testing';
import { ReactorSubscription } from './reactor-subscription';

const event = (n: number): NewEvent =>
  ({
    type: 'CredentialRequested',
    data: { n },
    metadata: { occurredAt: '2026-06-01T00:00:00.000Z', correlationId: `c-${n}`, actor: { subject: 's' } },
  }) as unknown as NewEvent;
/** The process manager's subscription to the test's events, noting the `n` of each event it reacted to. */
function subscribe(store: InMemoryEventStore, checkpoints: InMemoryCheckpointStore) {
  const reacted: number[] = [];
  const reactor = new ReactorSubscription({
    name: 'pm',
    store,
    checkpoints,
    eventTypes: ['CredentialRequested'],
    streamPrefixes: ['issuance.'],
    react: async (e: RecordedEvent) => void reacted.push((e.data as { n: number }).n),
    maxRetryDelayMs: 20,
  });
  return { reactor, reacted };
}
const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** A checkpoint store whose disk is full until `space()` is called. */
class FullDiskCheckpoints extends InMemoryCheckpointStore {
  full = true;
  refused = 0;
  override async save(relay: string, position: number): Promise<void> {
    if (this.full) {
      this.refused++;
      throw diskFull();
    }
    return super.save(relay, position);
  }
}

describe('issuance process manager on a failing disk', () => {
  const unhandled: unknown[] = [];
  const note = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => process.on('unhandledRejection', note));
  afterAll(() => process.off('unhandledRejection', note));

  it('retries a checkpoint it cannot save, reports it as failing with the cause, never rejects unhandled, and catches up once space returns', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new FullDiskCheckpoints();
    const { reactor, reacted } = subscribe(store, checkpoints);
    await reactor.start();
    try {
      await store.appendToStream('issuance.credential-1', [event(1), event(2)], { expectedRevision: NO_STREAM });
      await eventually(() => expect(checkpoints.refused).toBeGreaterThan(3));
      expect(reactor.status()).toMatchObject({
        position: 0,
        failing: { stage: 'checkpoint', position: 1, error: 'ENOSPC: no space left on device, write' },
      });
      // The reaction ran once: a checkpoint retry does not run it again.
      expect(reacted).toEqual([1]);

      checkpoints.full = false;
      await reactor.waitFor(2, 5_000);
      expect(reactor.status()).toEqual({ position: 2 });
      expect(checkpoints.positions.get('pm')).toBe(2);
      expect(reacted).toEqual([1, 2]);
      expect(unhandled).toEqual([]);
    } finally {
      await reactor.stop();
    }
  });

  it('restarts its subscription from the checkpoint when reading the log fails, instead of ending', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new InMemoryCheckpointStore();
    let broken = true;
    const original = store.subscribeToAll.bind(store);
    store.subscribeToAll = (options) =>
      broken
        ? original({
            ...options,
            handler: () =>
              Promise.reject(
                Object.assign(new Error('disk I/O error'), { code: 'ERR_SQLITE_ERROR', errcode: 10, errstr: 'disk I/O error' }),
              ),
          })
        : original(options);
    const { reactor, reacted } = subscribe(store, checkpoints);
    await reactor.start();
    try {
      await store.appendToStream('issuance.credential-1', [event(1)], { expectedRevision: NO_STREAM });
      await eventually(() => expect(reactor.status().failing).toMatchObject({ stage: 'subscription', error: 'disk I/O error' }));
      broken = false;
      await eventually(() => expect(reactor.status()).toEqual({ position: 1 }));
      expect(reacted).toEqual([1]);
      expect(unhandled).toEqual([]);
    } finally {
      await reactor.stop();
    }
  });
});
