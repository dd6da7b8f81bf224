import {
  ANY_REVISION,
  type CheckpointStore,
  InMemoryCheckpointStore,
  InMemoryEventStore,
  type RecordedEvent,
} from '@alliance/event-sourcing';
import { eventually } from '@alliance/testing';
import { InProcessBus } from '../in-process/in-process-bus';
import type { IntegrationBus, IntegrationMessage } from '../integration-bus.port';
import { envelopeOf } from './envelope-of';
import { OutboxRelay, type EventMapper } from './outbox-relay';

const meta = { occurredAt: '2026-03-01T10:00:00.000Z', actor: { subject: 'tester' }, correlationId: 'corr' };

async function appendEvents(store: InMemoryEventStore, count: number, aggregates = 5, type = 'ThingHappened'): Promise<void> {
  for (let n = 0; n < count; n++) {
    await store.appendToStream(`demo.thing-${n % aggregates}`, [{ type, data: { n }, metadata: meta }], { expectedRevision: ANY_REVISION });
  }
}

const mapThing: EventMapper = (e: RecordedEvent) =>
  e.type === 'ThingHappened'
    ? {
        ...envelopeOf(e),
        type: 'demo.thing.happened',
        version: 1,
        source: 'demo',
        key: e.streamId,
        payload: { n: (e.data as { n: number }).n, revision: e.revision },
      }
    : null;

function consume(bus: IntegrationBus) {
  const received: IntegrationMessage<{ n: number; revision: number }>[] = [];
  const applied = new Set<string>();
  const ready = bus.subscribe({
    group: 'reader',
    sources: ['demo'],
    handler: async (m) => {
      received.push(m as (typeof received)[number]);
      applied.add(m.eventId);
    },
  });
  return { received, applied, ready };
}

describe('OutboxRelay', () => {
  let store: InMemoryEventStore;
  let bus: InProcessBus;
  let checkpoints: InMemoryCheckpointStore;
  const relays: OutboxRelay[] = [];
  const relay = (overrides: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) => {
    const r = new OutboxRelay({
      name: 'demo',
      store,
      bus,
      checkpoints,
      map: mapThing,
      batchSize: 7,
      retryDelayMs: { initial: 5, max: 20 },
      ...overrides,
    });
    relays.push(r);
    return r;
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    bus = new InProcessBus({ partitions: 3 });
    checkpoints = new InMemoryCheckpointStore();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await bus.close();
  });

  it('publishes mapped events in store order per aggregate, skips internal ones and checkpoints the head', async () => {
    const { received, ready } = consume(bus);
    await ready;
    await appendEvents(store, 40);
    await appendEvents(store, 3, 1, 'InternalNote');
    await relay().start();
    await eventually(async () => expect((await relays[0].status()).lag).toBe(0));
    expect(received).toHaveLength(40);
    expect(checkpoints.positions.get('demo')).toBe(43);
    for (let k = 0; k < 5; k++) {
      const revisions = received.filter((m) => m.key === `demo.thing-${k}`).map((m) => m.payload.revision);
      expect(revisions).toEqual(revisions.map((_, i) => i));
    }
  });

  it('publishes an event stored with a NUL or an unpaired surrogate repaired, so consumers can store it', async () => {
    const received: IntegrationMessage<{ reason: string }>[] = [];
    await bus.subscribe({ group: 'reader', sources: ['demo'], handler: async (m) => void received.push(m as (typeof received)[number]) });
    // The test double stores what it is given: a log written before appends refused such text.
    await store.appendToStream('demo.thing-1', [{ type: 'ThingSuspended', data: { reason: 'fraud\u0000 \ud800' }, metadata: meta }], {
      expectedRevision: ANY_REVISION,
    });
    const map: EventMapper = (e) => ({
      ...envelopeOf(e),
      type: 'demo.thing.suspended',
      version: 1,
      source: 'demo',
      key: e.streamId,
      payload: { reason: (e.data as { reason: string }).reason },
    });
    await relay({ map }).start();
    await eventually(async () => expect(received).toHaveLength(1));
    expect(received[0]!.payload.reason).toBe('fraud\uFFFD \uFFFD');
    expect(((await store.readStream('demo.thing-1'))[0]!.data as { reason: string }).reason).toBe('fraud\u0000 \ud800');
  });

  it('republishes, never skips, when it dies between publish and checkpoint', async () => {
    const { received, applied, ready } = consume(bus);
    await ready;
    await appendEvents(store, 30);
    let saves = 0;
    const failing: CheckpointStore = {
      load: (name) => checkpoints.load(name),
      save: async (name, position) => {
        if (++saves > 2) throw new Error('disk gone');
        await checkpoints.save(name, position);
      },
      close: async () => undefined,
    };
    const first = relay({ checkpoints: failing });
    await first.start();
    await eventually(() => expect(saves).toBeGreaterThan(3));
    await first.stop();
    const savedBeforeCrash = checkpoints.positions.get('demo')!;
    expect(savedBeforeCrash).toBeLessThan(30);

    await relay().start();
    await eventually(() => expect(checkpoints.positions.get('demo')).toBe(30));
    expect(applied.size).toBe(30);
    expect(received.length).toBeGreaterThan(30);
  });

  it('halts at an event the mapper cannot map, reports it, and goes on once the mapper is fixed', async () => {
    const { applied, ready } = consume(bus);
    await ready;
    await appendEvents(store, 10);
    let broken = true;
    const errors: unknown[] = [];
    const r = relay({
      map: (e) => {
        if (broken && (e.data as { n: number }).n === 6) throw new Error('no contract for this shape');
        return mapThing(e);
      },
      onError: (e) => errors.push(e),
    });
    await r.start();
    await eventually(async () => expect((await r.status()).lastError).toBe('no contract for this shape'));
    expect(r.position).toBeLessThanOrEqual(6);
    expect([...applied].length).toBeLessThanOrEqual(6);
    broken = false;
    await eventually(() => expect(applied.size).toBe(10));
    await eventually(() => expect(r.position).toBe(10));
  });

  it('retries a failing publish until the bus takes it', async () => {
    const { applied, ready } = consume(bus);
    await ready;
    let failures = 3;
    const flaky: IntegrationBus = Object.assign(Object.create(bus) as IntegrationBus, {
      publish: async (messages: IntegrationMessage[]) => {
        if (failures-- > 0) throw new Error('broker unavailable');
        await bus.publish(messages);
      },
    });
    await appendEvents(store, 12);
    await relay({ bus: flaky }).start();
    await eventually(() => expect(applied.size).toBe(12));
    await eventually(() => expect(relays[0].position).toBe(12));
  });

  it('keeps following the store after catching up', async () => {
    const { applied, ready } = consume(bus);
    await ready;
    await relay().start();
    await appendEvents(store, 5);
    await eventually(() => expect(applied.size).toBe(5));
    await appendEvents(store, 5);
    await eventually(() => expect(applied.size).toBe(10));
  });

  it('never checkpoints past a batch whose publish failed while it was stopping, so the next start publishes it', async () => {
    const { applied, ready } = consume(bus);
    await ready;
    let stopRequested!: () => void;
    const stopping = new Promise<void>((r) => (stopRequested = r));
    let calls = 0;
    let firstCall!: () => void;
    const publishing = new Promise<void>((r) => (firstCall = r));
    // The first publish is in flight when the process stops and fails then (a consumer group or broker gone).
    const failingAtStop: IntegrationBus = Object.assign(Object.create(bus) as IntegrationBus, {
      publish: async (messages: IntegrationMessage[]) => {
        if (calls++ === 0) {
          firstCall();
          await stopping;
          throw new Error('the consumer group stopped with the process');
        }
        await bus.publish(messages);
      },
    });
    await appendEvents(store, 3);
    const first = relay({ bus: failingAtStop });
    await first.start();
    await publishing;
    const stopped = first.stop();
    stopRequested();
    await stopped;
    expect(await checkpoints.load('demo')).toBe(0);
    expect(applied.size).toBe(0);

    const next = relay();
    await next.start();
    await eventually(() => expect(applied.size).toBe(3));
    await eventually(() => expect(next.position).toBe(3));
  });
});
