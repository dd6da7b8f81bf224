import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore, PgCheckpointStore } from '@alliance/event-sourcing';
import { createTestDatabase, eventually, KAFKA_BROKERS, uniqueName, type TestDatabase } from '@alliance/testing';
import { Pool } from 'pg';
import type { BusConsumer } from '../integration-bus.port';
import { OutboxRelay } from '../relay/outbox-relay';
import { appendCounterEvents, counterMapper } from '../testing/counter-events';
import { restartBrokerWhileRunning } from '../testing/restart-broker';
import { progressHandler, progressSummary, PROGRESS_DDL } from '../testing/progress-read-model';
import { testEventStoreConfig } from '../testing/test-event-store';
import { KafkaBus } from './kafka-bus';

jest.setTimeout(180_000);

const AGGREGATES = 30;
const PER_AGGREGATE = 100;
const TOTAL = AGGREGATES * PER_AGGREGATE;

/** Restarts the shared broker: int tests run in band (npm run test:int), so no other test is mid-flight. */
describe('Kafka bus across a broker restart', () => {
  let db: TestDatabase;
  let pool: Pool;
  let dir: string;
  let store: EventStore;
  let bus: KafkaBus;
  let relay: OutboxRelay;
  let checkpoints: PgCheckpointStore;
  const consumers: BusConsumer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('broker_restart');
    pool = new Pool({ connectionString: db.url, max: 6 });
    pool.on('error', () => undefined); // idle connections the final DROP DATABASE terminates
    await pool.query(PROGRESS_DDL);
    dir = await mkdtemp(join(tmpdir(), 'broker-restart-'));
  });
  afterAll(async () => {
    await relay?.stop();
    await Promise.allSettled(consumers.map((c) => c.stop()));
    await bus?.close();
    await store?.close();
    await checkpoints?.close();
    await pool.end();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const applied = async () => Number((await pool.query('SELECT coalesce(sum(applied), 0) AS n FROM counter_progress')).rows[0].n);

  it('recovers producer and consumers by themselves and loses nothing', async () => {
    store = await createEventStore(await testEventStoreConfig(db.url, dir));
    const group = uniqueName('restart-readers');
    bus = new KafkaBus({
      brokers: KAFKA_BROKERS,
      clientId: 'restart',
      topicPrefix: `${uniqueName('restart')}.`,
      partitions: 4,
      logLevel: 'nothing',
      sessionTimeoutMs: 10_000,
    });
    for (let i = 0; i < 2; i++)
      consumers.push(await bus.subscribe({ group, sources: ['counters'], handler: progressHandler(pool, group) }));
    relay = new OutboxRelay({
      name: 'counters',
      store,
      bus,
      checkpoints: (checkpoints = new PgCheckpointStore({ url: db.url })),
      map: counterMapper('counters'),
      batchSize: 100,
      retryDelayMs: { initial: 200, max: 2_000 },
    });
    await relay.start();

    const writing = appendCounterEvents(store, {
      aggregates: AGGREGATES,
      perAggregate: PER_AGGREGATE,
      batch: 2,
      prefix: 'restart',
      pauseMs: 20,
    });
    await eventually(async () => expect(await applied()).toBeGreaterThan(TOTAL * 0.25), 60_000, 100);
    await restartBrokerWhileRunning();

    await writing;
    await eventually(async () => expect(await applied()).toBe(TOTAL), 120_000, 250);
    expect(await progressSummary(pool, PER_AGGREGATE)).toEqual({ keys: AGGREGATES, applied: TOTAL, outOfOrder: 0, incomplete: [] });
    await eventually(async () => expect((await relay.status()).lag).toBe(0), 30_000);
    await eventually(async () => expect((await consumers[0].getLag()).total).toBe(0), 30_000, 500);
  });
});
