import type { Consumer } from 'kafkajs';
import { createTopic, testKafka, uniqueName } from './kafka-broker';

/** Proves the broker of infra/kafka works with kafkajs: produce, consume in a group, commit offsets, resume. */
describe('Kafka broker with kafkajs', () => {
  const kafka = testKafka('broker-proof');
  const consumers: Consumer[] = [];
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
  }, 30_000);

  it('produces, consumes with a two-member group, commits offsets and resumes after them', async () => {
    const topic = uniqueName('proof');
    const group = uniqueName('proof-group');
    await createTopic(topic, 4);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 8}`, value: `m${i}` })) });

    const seen = new Map<string, string[]>();
    const assigned = new Map<string, number[]>();
    const join = async (member: string) => {
      const consumer = kafka.consumer({ groupId: group, sessionTimeout: 10000, heartbeatInterval: 1000 });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      consumer.on(consumer.events.GROUP_JOIN, (e) => assigned.set(member, e.payload.memberAssignment[topic] ?? []));
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ message, partition }) => {
          seen.set(member, [...(seen.get(member) ?? []), message.value!.toString()]);
          await consumer.commitOffsets([{ topic, partition, offset: (Number(message.offset) + 1).toString() }]);
        },
      });
      return consumer;
    };
    await join('a');
    await join('b');
    // Delivery is at least once: a rebalance may hand a few uncommitted messages to the other member.
    await waitFor(() => new Set([...seen.values()].flat()).size === 40, 30_000);

    const all = [...new Set([...seen.values()].flat())].sort();
    expect(all).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`).sort());
    // Both members hold part of the topic once the group has rebalanced.
    await waitFor(() => assigned.size === 2 && [...assigned.values()].every((p) => p.length > 0) && [...assigned.values()].flat().length === 4, 30_000);
    expect([...assigned.values()].flat().sort()).toEqual([0, 1, 2, 3]);

    const admin = kafka.admin();
    await admin.connect();
    await waitFor(async () => {
      const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      // -1 marks a partition that never received a message (keys hash to some partitions only).
      return committed!.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0) === 40;
    }, 15_000);

    await Promise.all(consumers.splice(0).map((c) => c.disconnect()));
    await producer.send({ topic, messages: [{ key: 'k0', value: 'after-restart' }] });
    const resumed: string[] = [];
    const again = kafka.consumer({ groupId: group });
    consumers.push(again);
    await again.connect();
    await again.subscribe({ topic, fromBeginning: true });
    await again.run({ eachMessage: async ({ message }) => void resumed.push(message.value!.toString()) });
    await waitFor(() => resumed.length >= 1, 30_000);
    expect(resumed).toEqual(['after-restart']);
    await Promise.all(consumers.splice(0).map((c) => c.disconnect()));
    await admin.disconnect();
    await producer.disconnect();
  }, 90_000);
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
