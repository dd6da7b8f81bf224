/**
 * Messaging benchmark: how fast integration events go from a service's event store to another service's
 * read model (outbox relay → bus → consumer group → inbox + read-model transaction on PostgreSQL), on Kafka
 * and in-process, against raw kafkajs produce → consume of the same messages measured in the same run.
 *   npm run build && node dist/bench/messaging/index.js
 * BENCH_MESSAGING_EVENTS (default 10,000) sizes the throughput runs, BENCH_MESSAGING_RATE (default 200/s)
 * paces the latency runs. Needs the engines of infra/engines.sh (PostgreSQL and Kafka).
 */
import { createEventStore, type EventStoreConfig } from '@alliance/event-sourcing';
import { InProcessBus, KafkaBus, type MessageHandler } from '@alliance/messaging';
import { createTestDatabase, KAFKA_BROKERS } from '@alliance/testing';
import { Pool } from 'pg';
import { progressHandler, PROGRESS_DDL } from '../../libs/messaging/src/testing/progress-read-model';
import { pipeline } from './pipeline.bench';
import { rawKafka } from './raw-kafka.bench';
import { percentile, printTable, type Row, runIfMain } from '../support/output';
import type { Measurement } from './stats';

const PARTITIONS = 6;

export async function run(): Promise<void> {
  const events = Number(process.env.BENCH_MESSAGING_EVENTS ?? 10_000);
  const rate = Number(process.env.BENCH_MESSAGING_RATE ?? 200);
  const latencyEvents = Math.max(500, Math.min(events, rate * 6));
  const storeKind = await distributedStoreKind();
  const distributedStore = (url: string, dir: string): EventStoreConfig =>
    storeKind === 'postgres' ? { kind: 'postgres', url, schema: 'events' } : { kind: 'embedded', dataDir: dir, durability: 'normal' };
  const embeddedStore = (_url: string, dir: string): EventStoreConfig => ({ kind: 'embedded', dataDir: dir, durability: 'normal' });
  const kafkaBus = () =>
    new KafkaBus({
      brokers: KAFKA_BROKERS,
      clientId: 'bench',
      topicPrefix: `bench-${Date.now().toString(36)}.`,
      partitions: PARTITIONS,
      logLevel: 'error',
    });
  console.log(
    `messaging benchmark: ${events.toLocaleString('en-US')} events over 100 aggregates for throughput, ${latencyEvents.toLocaleString('en-US')} at ${rate}/s for latency; ` +
      `${PARTITIONS} partitions, one consumer member; Kafka pipeline on the ${storeKind} event store`,
  );

  const results: [string, Measurement, Measurement][] = [];
  results.push([
    'raw kafkajs produce → consume (baseline)',
    await rawKafka(KAFKA_BROKERS, PARTITIONS, { kind: 'throughput', events }),
    await rawKafka(KAFKA_BROKERS, PARTITIONS, { kind: 'latency', events: latencyEvents, rate }),
  ]);
  results.push([
    'raw kafkajs → same inbox + read-model transaction',
    await withReadModel((handler) => rawKafka(KAFKA_BROKERS, PARTITIONS, { kind: 'throughput', events }, handler)),
    await withReadModel((handler) => rawKafka(KAFKA_BROKERS, PARTITIONS, { kind: 'latency', events: latencyEvents, rate }, handler)),
  ]);
  for (const [name, bus, store] of [
    ['store → relay → Kafka → inbox + read model', kafkaBus, distributedStore],
    ['store → relay → in-process → inbox + read model', () => new InProcessBus({ partitions: PARTITIONS }), embeddedStore],
  ] as const) {
    const throughputBus = bus();
    const throughput = await pipeline({ bus: throughputBus, store }, { kind: 'throughput', events }).finally(() => throughputBus.close());
    const latencyBus = bus();
    const latency = await pipeline({ bus: latencyBus, store }, { kind: 'latency', events: latencyEvents, rate }).finally(() =>
      latencyBus.close(),
    );
    results.push([name, throughput, latency]);
  }

  const baseline = results[0][1].events / results[0][1].seconds;
  const withTransaction = results[1][1].events / results[1][1].seconds;
  const rows: Row[] = results.map(([name, throughput, latency]) => {
    const sorted = [...latency.latencies].sort((a, b) => a - b);
    const perSecond = throughput.events / throughput.seconds;
    return {
      pipeline: name,
      events: throughput.events,
      seconds: throughput.seconds,
      'end-to-end events/s': Math.round(perSecond),
      'relay alone events/s': throughput.relaySeconds ? Math.round(throughput.events / throughput.relaySeconds) : '-',
      'vs raw kafkajs': `${(perSecond / baseline).toFixed(2)}x`,
      'vs raw + same transaction': `${(perSecond / withTransaction).toFixed(2)}x`,
      [`p50 ms @${rate}/s`]: percentile(sorted, 50),
      [`p99 ms @${rate}/s`]: percentile(sorted, 99),
    };
  });
  printTable(
    'Throughput (catch-up of a full store: relay alone = published and checkpointed; end-to-end = applied by the read model) and latency (append → read-model commit)',
    rows,
  );
}

/** A fresh database with the pipeline's read model, for the raw baseline that writes it too. */
async function withReadModel<T>(fn: (handler: MessageHandler) => Promise<T>): Promise<T> {
  const db = await createTestDatabase('bench_messaging_raw');
  const pool = new Pool({ connectionString: db.url, max: 8 });
  pool.on('error', () => undefined);
  try {
    await pool.query(PROGRESS_DDL);
    return await fn(progressHandler(pool, 'raw'));
  } finally {
    await pool.end();
    await db.drop();
  }
}

/** The distributed mode's PostgreSQL event store when it opens, else the embedded one (reported in the header). */
async function distributedStoreKind(): Promise<'postgres' | 'embedded'> {
  const db = await createTestDatabase('bench_messaging_probe');
  try {
    const store = await createEventStore({ kind: 'postgres', url: db.url, schema: 'events' });
    await store.close();
    return 'postgres';
  } catch {
    return 'embedded';
  } finally {
    await db.drop();
  }
}

runIfMain(module, run);
