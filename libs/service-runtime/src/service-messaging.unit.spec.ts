import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY_REVISION, EmbeddedEventStore, type EventStore, type RecordedEvent, type SubscribeOptions } from '@alliance/event-sourcing';
import {
  type BusConsumer,
  envelopeOf,
  type EventMapper,
  InProcessBus,
  type IntegrationMessage,
  type MessageHandler,
} from '@alliance/messaging';
import { eventually } from '@alliance/testing';
import { ServiceConfig, HealthRegistry } from '@alliance/nest-kit';
import { ServiceMessaging, type ServiceMessagingOptions } from './service-messaging';

const meta = { occurredAt: '2026-03-01T10:00:00.000Z', actor: { subject: 'tester' }, correlationId: 'corr' };

const mapThing: EventMapper = (e: RecordedEvent) => ({
  ...envelopeOf(e),
  type: 'demo.thing.happened',
  version: 1,
  source: 'demo',
  key: e.streamId,
  payload: e.data,
});

const incoming = (n: number): IntegrationMessage => ({
  eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  type: 'other.fact.recorded',
  version: 1,
  key: 'fact-1',
  source: 'other',
  occurredAt: '2026-03-01T10:00:00.000Z',
  correlationId: 'corr',
  payload: { n },
});

/** Gates still shut when a test fails are opened before cleaning up, so nothing waits on them. */
const gates: (() => void)[] = [];
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  gates.push(open);
  return { wait, open };
}

describe('ServiceMessaging', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  let bus: InProcessBus;
  let health: HealthRegistry;
  const started: ServiceMessaging[] = [];

  const config = () => Object.assign(new ServiceConfig(), { DATA_DIR: dir, READ_MODEL: 'pglite' as const });
  const append = async (count: number, type = 'ThingHappened') => {
    for (let n = 0; n < count; n++)
      await store.appendToStream('demo.thing-1', [{ type, data: { n }, metadata: meta }], { expectedRevision: ANY_REVISION });
  };
  const messaging = (overrides: Partial<ServiceMessagingOptions> = {}) => {
    const m = new ServiceMessaging({
      config: config(),
      name: 'demo',
      store,
      bus,
      checkpoints: { schema: 'demo_read', folder: 'relay' },
      publish: { map: mapThing, filter: { streamPrefixes: ['demo.'], eventTypes: ['ThingHappened'] } },
      consume: { group: 'demo-service', sources: ['other'], handler: async () => undefined },
      logger: { warn: jest.fn() },
      ...overrides,
    });
    started.push(m);
    return m;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'service-messaging-'));
    store = EmbeddedEventStore.open({ dataDir: join(dir, 'events') });
    bus = new InProcessBus({ partitions: 1 });
    health = new HealthRegistry('demo');
  });

  afterEach(async () => {
    gates.splice(0).forEach((open) => open());
    await Promise.all(started.splice(0).map((m) => m.stop().catch(() => undefined)));
    await bus.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports relay position and lag and the consumer group lag on readiness, up while behind, until both caught up', async () => {
    await append(1, 'InternalNote'); // not published, but the store head counts it
    await append(3);
    const head = await store.headPosition();
    const relayed: IntegrationMessage[] = [];
    await bus.subscribe({ group: 'reader', sources: ['demo'], handler: async (m) => void relayed.push(m) });
    const publishing = gate();
    const publish = bus.publish.bind(bus);
    jest.spyOn(bus, 'publish').mockImplementation(async (messages) => {
      if (messages[0]?.source === 'demo') await publishing.wait;
      return publish(messages);
    });
    const handling = gate();
    const handled: unknown[] = [];
    const handler: MessageHandler = async (m) => {
      await handling.wait;
      handled.push(m.payload);
    };

    await messaging({ consume: { group: 'demo-service', sources: ['other'], handler } }).start(health);
    const delivered = bus.publish([incoming(1), incoming(2), incoming(3)]);

    const behind = await eventually(async () => {
      const report = await health.report();
      expect(report.checks.consumer.lag).toBeGreaterThanOrEqual(2);
      return report;
    });
    expect(behind).toEqual({
      status: 'ok',
      service: 'demo',
      checks: {
        outbox: { status: 'up', position: 0, head, lag: head, published: 0 },
        consumer: {
          status: 'up',
          group: 'demo-service',
          lag: behind.checks.consumer.lag,
          partitions: [expect.objectContaining({ topic: 'other', partition: 0 })],
        },
      },
    });
    expect(Object.keys(behind.checks)).toEqual(['outbox', 'consumer']);

    publishing.open();
    handling.open();
    await delivered;
    await eventually(async () =>
      expect(await health.report()).toEqual({
        status: 'ok',
        service: 'demo',
        checks: {
          outbox: { status: 'up', position: head, head, lag: 0, published: 3 },
          consumer: { status: 'up', group: 'demo-service', lag: 0, partitions: [] },
        },
      }),
    );
    expect(relayed.map((m) => m.payload)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(handled).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    // Embedded mode keeps the relay's position in the given folder, under the service's name.
    expect(JSON.parse(await readFile(join(dir, 'demo', 'relay', 'demo.relay-checkpoint.json'), 'utf8'))).toMatchObject({
      relay: 'demo',
      position: head,
    });
  });

  it('stops the consumer, then the relay, then the work sharing its checkpoints, then closes the checkpoint store', async () => {
    const order: string[] = [];
    const observedStore = new Proxy<EventStore>(store, {
      get(target, property) {
        if (property === 'subscribeToAll')
          return (options: SubscribeOptions) => {
            const subscription = target.subscribeToAll(options);
            const stop = subscription.stop.bind(subscription);
            subscription.stop = async () => {
              order.push('relay');
              await stop();
            };
            return subscription;
          };
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const subscribe = bus.subscribe.bind(bus);
    jest.spyOn(bus, 'subscribe').mockImplementation(async (spec) => {
      const consumer = await subscribe(spec);
      return {
        group: consumer.group,
        getLag: () => consumer.getLag(),
        stop: async () => (order.push('consumer'), consumer.stop()),
      } satisfies BusConsumer;
    });
    const m = messaging({ store: observedStore });
    const close = m.checkpoints.close.bind(m.checkpoints);
    jest.spyOn(m.checkpoints, 'close').mockImplementation(async () => (order.push('checkpoints'), close()));

    await m.start(health);
    await m.stop({ beforeClosingCheckpoints: async () => void order.push('process manager') });

    expect(order).toEqual(['consumer', 'relay', 'process manager', 'checkpoints']);
    const report = await health.report();
    expect(report.status).toBe('unavailable');
    expect(report.checks.outbox).toEqual({ status: 'down', error: 'outbox relay stopped' });
  });

  it('logs relay retries under its name, and a service that only publishes has no consumer or consumer check', async () => {
    await append(2);
    const head = await store.headPosition();
    const logger = { warn: jest.fn() };
    const subscribe = jest.spyOn(bus, 'subscribe');
    jest.spyOn(bus, 'publish').mockRejectedValueOnce(new Error('broker down'));
    const m = messaging({ consume: undefined, logger });

    await m.start(health);

    await eventually(async () =>
      expect(await m.status()).toMatchObject({ name: 'demo', running: true, position: head, lag: 0, published: 2 }),
    );
    expect(logger.warn).toHaveBeenCalledWith({ err: expect.objectContaining({ message: 'broker down' }) }, 'demo outbox relay retrying');
    expect(subscribe).not.toHaveBeenCalled();
    expect(m.healthChecks().map((c) => c.name)).toEqual(['outbox']);
    expect(await health.report()).toEqual({
      status: 'ok',
      service: 'demo',
      checks: { outbox: { status: 'up', position: head, head, lag: 0, published: 2 } },
    });
  });
});
