import type { Consumer, Kafka } from 'kafkajs';
import { createTopic, restartKafkaBroker, testKafka, uniqueName, uniqueTopic } from './kafka-broker';

// Proves the broker of infra/kafka works with kafkajs the way the services use it. Nothing here is skipped when
// the broker is down: every client call then fails (after kafkajs' retries), and so does the test.
// The restart test stops the shared broker for a few seconds, which is safe because integration tests run in band.

interface Received {
  partition: number;
  value: string;
}

interface Member {
  consumer: Consumer;
  /** Partitions of the topic from the latest group join. */
  assigned: number[];
  received: Received[];
}

/** A group member that commits each record's offset itself once it has handled it. */
async function joinGroup(kafka: Kafka, topic: string, groupId: string, track: (c: Consumer) => void): Promise<Member> {
  // Short fetch waits and heartbeats: an idle member only notices a rebalance between fetches.
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 250 });
  track(consumer);
  const member: Member = { consumer, assigned: [], received: [] };
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    member.assigned = [...(event.payload.memberAssignment[topic] ?? [])].sort((x, y) => x - y);
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      member.received.push({ partition, value: message.value!.toString() });
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    },
  });
  return member;
}

async function committedOffsets(kafka: Kafka, groupId: string, topic: string): Promise<Record<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries(offsets!.partitions.map((p) => [p.partition, p.offset]));
  } finally {
    await admin.disconnect();
  }
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const values = (received: Received[]) => received.map((r) => r.value).sort();

describe('the Kafka broker of infra/kafka with kafkajs', () => {
  const kafka = testKafka('broker-proof');
  const open: { disconnect(): Promise<void> }[] = [];
  const track = (client: { disconnect(): Promise<void> }) => void open.push(client);

  afterEach(async () => {
    await Promise.allSettled(open.splice(0).map((client) => client.disconnect()));
  }, 30_000);

  it('shares a 4-partition topic between two members of a group, commits their offsets and resumes after them', async () => {
    const topic = uniqueTopic('proof');
    const groupId = uniqueName('proof-group');
    await createTopic(topic, 4);

    // Both members join before anything is produced, so each reads exactly the partitions the group gives it.
    const a = await joinGroup(kafka, topic, groupId, track);
    await waitFor('the first member holds the topic', () => a.assigned.length === 4);
    const b = await joinGroup(kafka, topic, groupId, track);
    await waitFor(
      'the group has rebalanced over both members',
      () => a.assigned.length > 0 && b.assigned.length > 0 && [...a.assigned, ...b.assigned].length === 4,
    );
    expect([...a.assigned, ...b.assigned].sort()).toEqual([0, 1, 2, 3]);

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    track(producer);
    await producer.connect();
    const sent = [0, 1, 2, 3].flatMap((partition) => Array.from({ length: 10 }, (_, i) => ({ partition, value: `p${partition}-${i}` })));
    await producer.send({ topic, acks: -1, messages: sent });

    await waitFor('all 40 records are consumed', () => a.received.length + b.received.length >= 40);
    expect(values([...a.received, ...b.received])).toEqual(values(sent));
    for (const m of [a, b]) {
      expect(m.received.length).toBeGreaterThan(0);
      expect(m.received.every((r) => m.assigned.includes(r.partition))).toBe(true);
    }

    const allCommitted = { 0: '10', 1: '10', 2: '10', 3: '10' };
    // The last commits may still be on their way when the last record has been seen.
    await waitFor('the broker reports every offset committed', async () => {
      const committed = await committedOffsets(kafka, groupId, topic);
      return Object.values(committed).every((offset) => offset === '10');
    });
    expect(await committedOffsets(kafka, groupId, topic)).toEqual(allCommitted);

    await Promise.all([a.consumer.disconnect(), b.consumer.disconnect()]);
    const later = [0, 1, 2, 3].map((partition) => ({ partition, value: `p${partition}-later` }));
    await producer.send({ topic, acks: -1, messages: later });

    // fromBeginning only applies to a group without committed offsets: this member must start after them.
    const c = await joinGroup(kafka, topic, groupId, track);
    await waitFor('the new member has read the records produced after the commits', () => c.received.length >= 4);
    // Room for anything older to turn up, should the committed offsets have been ignored.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(values(c.received)).toEqual(values(later));
  }, 90_000);

  it('keeps records and committed offsets across a broker restart', async () => {
    const topic = uniqueTopic('restart');
    const groupId = uniqueName('restart-group');
    await createTopic(topic, 2);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    track(producer);
    await producer.connect();
    const before = [0, 1].flatMap((partition) => Array.from({ length: 3 }, (_, i) => ({ partition, value: `p${partition}-before-${i}` })));
    await producer.send({ topic, acks: -1, messages: before });
    await producer.disconnect();

    const first = await joinGroup(kafka, topic, groupId, track);
    await waitFor('the records are consumed', () => first.received.length >= 6);
    await waitFor('the offsets are committed', async () => {
      const committed = await committedOffsets(kafka, groupId, topic);
      return committed[0] === '3' && committed[1] === '3';
    });
    await first.consumer.disconnect();

    restartKafkaBroker();

    expect(await committedOffsets(kafka, groupId, topic)).toEqual({ 0: '3', 1: '3' });
    const admin = kafka.admin();
    track(admin);
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    expect(Object.fromEntries(ends.map((p) => [p.partition, p.high]))).toEqual({ 0: '3', 1: '3' });

    const again = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    track(again);
    await again.connect();
    await again.send({ topic, acks: -1, messages: [{ partition: 1, value: 'after-restart' }] });
    const second = await joinGroup(kafka, topic, groupId, track);
    await waitFor('the record produced after the restart is consumed', () => second.received.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(values(second.received)).toEqual(['after-restart']);
  }, 120_000);
});
