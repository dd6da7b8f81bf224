import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import type { MessageHandler } from '@alliance/messaging';
import { paced, waitUntil, type Measurement } from './stats';

/**
 * The baseline: the same messages (key, JSON value of the same size, no headers work) produced with kafkajs
 * and consumed by one group member with the same partition concurrency, no store, no read model.
 */
export async function rawKafka(
  brokers: string[],
  partitions: number,
  mode: { kind: 'throughput'; events: number } | { kind: 'latency'; events: number; rate: number },
  /** The same per-message read-model transaction the pipeline's consumer runs, to tell bus cost from database cost. */
  readModel?: MessageHandler,
): Promise<Measurement> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-raw-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 250 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const latencies: number[] = [];
  let received = 0;
  let warmedUp = false;
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachMessage: async ({ message }) => {
      if (message.key?.toString() === 'warm-up') return void (warmedUp = true);
      const payload = JSON.parse(message.value!.toString()) as { seq: number; sentAt: number };
      if (readModel) {
        const key = message.key!.toString();
        await readModel(
          {
            eventId: `${key}/${payload.seq}`,
            type: 'raw',
            version: 1,
            key,
            source: 'raw',
            occurredAt: '',
            correlationId: '',
            payload: { seq: payload.seq, appendedAt: payload.sentAt },
          },
          { attempt: 1, group: 'raw', topic, replayed: false },
        );
      }
      if (mode.kind === 'latency') latencies.push(Date.now() - payload.sentAt);
      received++;
    },
  });
  const message = (i: number) => ({
    key: `bench.counter-${i % 100}`,
    value: JSON.stringify({ seq: Math.floor(i / 100), sentAt: Date.now() }),
  });
  try {
    // The group join is not part of what is measured, as in the pipeline runs.
    await producer.send({ topic, messages: [{ key: 'warm-up', value: '{}' }] });
    await waitUntil(() => warmedUp, 60_000, 'the raw consumer group to join');
    const started = Date.now();
    if (mode.kind === 'throughput') {
      for (let i = 0; i < mode.events; i += 500) {
        await producer.send({
          topic,
          acks: -1,
          messages: Array.from({ length: Math.min(500, mode.events - i) }, (_, j) => message(i + j)),
        });
      }
    } else {
      await paced(mode.events, mode.rate, (i) => producer.send({ topic, acks: -1, messages: [message(i)] }).then(() => undefined));
    }
    await waitUntil(() => received >= mode.events, 300_000, 'the raw consumer to receive every message');
    return { events: mode.events, seconds: (Date.now() - started) / 1000, latencies };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
