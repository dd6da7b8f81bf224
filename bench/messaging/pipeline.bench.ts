import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, NO_STREAM, type EventStore, type EventStoreConfig, PgCheckpointStore } from '@alliance/event-sourcing';
import { OutboxRelay, type IntegrationBus, type MessageHandler } from '@alliance/messaging';
import { createTestDatabase } from '@alliance/testing';
import { Pool } from 'pg';
import { appendCounterEvents, COUNTER_INCREMENTED, counterMapper } from '../../libs/messaging/src/testing/counter-events';
import { progressHandler, PROGRESS_DDL } from '../../libs/messaging/src/testing/progress-read-model';
import { paced, waitUntil, type Measurement } from './stats';

export type PipelineMode = { kind: 'throughput'; events: number } | { kind: 'latency'; events: number; rate: number };

export interface PipelineSetup {
  bus: IntegrationBus;
  /** Which event store to open in the run's fresh database or folder. */
  store: (databaseUrl: string, dir: string) => EventStoreConfig;
}

/**
 * Store → outbox relay → bus → one consumer group member → PostgreSQL read model through the inbox.
 * Throughput: the store holds every event before the relay starts, the clock runs until the read model
 * has applied the last one. Latency: events are appended at a fixed rate and each is timed from its append
 * to its read-model commit.
 */
export async function pipeline(setup: PipelineSetup, mode: PipelineMode): Promise<Measurement> {
  const db = await createTestDatabase('bench_messaging');
  const dir = await mkdtemp(join(tmpdir(), 'bench-messaging-'));
  const pool = new Pool({ connectionString: db.url, max: 8 });
  pool.on('error', () => undefined);
  let store: EventStore | undefined;
  let relay: OutboxRelay | undefined;
  const checkpoints = new PgCheckpointStore({ url: db.url });
  try {
    await pool.query(PROGRESS_DDL);
    store = await createEventStore(setup.store(db.url, dir));
    const source = `bench${Date.now().toString(36)}`;
    const latencies: number[] = [];
    let applied = 0;
    let warmedUp = false;
    const apply = progressHandler(pool, 'bench', (latency) => {
      applied++;
      if (mode.kind === 'latency') latencies.push(latency);
    });
    const handler: MessageHandler = async (message, context) => {
      if (message.key === 'warm-up') warmedUp = true;
      else await apply(message, context);
    };
    const consumer = await setup.bus.subscribe({ group: `${source}-readers`, sources: [source], handler });
    // The group join is not part of what is measured: wait until a first message made it through.
    await setup.bus.publish([
      {
        eventId: `warm-up-${source}`,
        type: `${source}.warm-up.done`,
        version: 1,
        key: 'warm-up',
        source,
        occurredAt: new Date().toISOString(),
        correlationId: 'warm-up',
        payload: {},
      },
    ]);
    await waitUntil(() => warmedUp, 60_000, 'the consumer group to join');

    if (mode.kind === 'throughput')
      await appendCounterEvents(store, { aggregates: 100, perAggregate: Math.ceil(mode.events / 100), batch: 50 });
    relay = new OutboxRelay({ name: source, store, bus: setup.bus, checkpoints, map: counterMapper(source) });
    const total = mode.kind === 'throughput' ? Math.ceil(mode.events / 100) * 100 : mode.events;
    const started = Date.now();
    await relay.start();
    const head = await store.headPosition();
    const publishing = relay;
    let relaySeconds: number | undefined;
    const relayDone = waitUntil(() => publishing.position >= head, 600_000, 'the relay').then(
      () => (relaySeconds = (Date.now() - started) / 1000),
    );
    if (mode.kind === 'latency') {
      const writer = store;
      await paced(mode.events, mode.rate, (i) =>
        writer
          .appendToStream(
            `bench.counter-${i % 100}`,
            [
              {
                type: COUNTER_INCREMENTED,
                data: { seq: Math.floor(i / 100), appendedAt: Date.now() },
                metadata: { occurredAt: new Date().toISOString(), actor: { subject: 'bench' }, correlationId: 'bench' },
              },
            ],
            { expectedRevision: i < 100 ? NO_STREAM : Math.floor(i / 100) - 1 },
          )
          .then(() => undefined),
      );
    }
    await waitUntil(() => applied >= total, 600_000, 'the read model to apply every event');
    const seconds = (Date.now() - started) / 1000;
    await relayDone;
    await consumer.stop();
    return { events: total, seconds, latencies, relaySeconds: mode.kind === 'throughput' ? relaySeconds : undefined };
  } finally {
    await relay?.stop();
    await store?.close();
    await checkpoints.close();
    await pool.end();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
