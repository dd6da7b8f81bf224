import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore } from '@alliance/event-sourcing';
import { testKafka, createTestDatabase, eventually, KAFKA_BROKERS, uniqueName, type TestDatabase } from '@alliance/testing';
import { Pool } from 'pg';
import { appendCounterEvents } from '../testing/counter-events';
import type { ChildConfig } from '../testing/processes/process-config';
import { spawnChild, type Child } from '../testing/processes/spawn-child';
import { progressSummary, PROGRESS_DDL } from '../testing/progress-read-model';
import { testEventStoreConfig } from '../testing/test-event-store';

jest.setTimeout(180_000);

const AGGREGATES = 100;
const PER_AGGREGATE = 100;
const TOTAL = AGGREGATES * PER_AGGREGATE;

/**
 * Store → relay → Kafka → consumer group → read model, with the relay and a consumer in processes of their
 * own that are killed with SIGKILL mid-stream: nothing may be lost, reordered or applied twice.
 */
describe('outbox relay to read model over Kafka', () => {
  let db: TestDatabase;
  let pool: Pool;
  let dir: string;
  let store: EventStore;
  const children: Child[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('relay_e2e');
    pool = new Pool({ connectionString: db.url, max: 2 });
    await pool.query(PROGRESS_DDL);
    dir = await mkdtemp(join(tmpdir(), 'relay-e2e-'));
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    await store?.close();
    await pool.end();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const recordsOnTopic = async (topic: string) => {
    const admin = testKafka('relay-e2e').admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((n, o) => n + Number(o.high), 0);
    } finally {
      await admin.disconnect();
    }
  };
  const applied = async () => Number((await pool.query('SELECT coalesce(sum(applied), 0) AS n FROM counter_progress')).rows[0].n);
  const start = async (kind: 'relay' | 'consumer', config: ChildConfig) => {
    const child = await spawnChild(kind, config);
    children.push(child);
    return child;
  };

  it(`applies ${TOTAL} events over ${AGGREGATES} aggregates exactly once and in order, through a relay crash and a consumer crash`, async () => {
    const storeConfig = await testEventStoreConfig(db.url, dir);
    store = await createEventStore(storeConfig);
    const config: ChildConfig = {
      brokers: KAFKA_BROKERS,
      topicPrefix: `${uniqueName('e2e')}.`,
      partitions: 6,
      source: 'counters',
      databaseUrl: db.url,
      store: storeConfig,
      relayName: 'counters',
      group: uniqueName('readers'),
    };
    const [, consumerB] = await Promise.all([start('consumer', config), start('consumer', config)]);
    // The first relay kills itself after its 10th publish, before that batch's checkpoint is written.
    const relay = await start('relay', { ...config, crashAtCheckpoint: 10 });

    const writing = appendCounterEvents(store, { aggregates: AGGREGATES, perAggregate: PER_AGGREGATE, batch: 5, prefix: 'e2e' });

    await relay.exited;
    await start('relay', config);

    await eventually(async () => expect(await applied()).toBeGreaterThanOrEqual(TOTAL * 0.5), 90_000, 100);
    await consumerB.kill();
    await start('consumer', config);

    await writing;
    await eventually(async () => expect(await applied()).toBeGreaterThanOrEqual(TOTAL), 120_000, 200);
    // A straggling duplicate would show up as an extra application or an out-of-order one.
    await new Promise((r) => setTimeout(r, 1_000));

    expect(await progressSummary(pool, PER_AGGREGATE)).toEqual({ keys: AGGREGATES, applied: TOTAL, outOfOrder: 0, incomplete: [] });
    const inbox = await pool.query('SELECT count(*)::int AS n FROM inbox_processed WHERE consumer = $1', [config.group]);
    expect(inbox.rows[0].n).toBe(TOTAL);
    // The crashed relay's last batch really went out twice, so the read model did absorb duplicates.
    expect(await recordsOnTopic(`${config.topicPrefix}counters`)).toBeGreaterThan(TOTAL);
  });
});
