import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';

export interface TopicRecord {
  partition: number;
  message: KafkaMessage;
}

/**
 * Everything a topic holds right now, read with a throw-away consumer group that is deleted afterwards
 * (kafkajs has no group-less assignment). Meant for small operator topics such as dead letters.
 */
export async function readTopicToEnd(kafka: Kafka, admin: Admin, topic: string, timeoutMs = 30_000): Promise<TopicRecord[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const pending = new Map(offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high) - 1]));
  if (pending.size === 0) return [];
  const groupId = `${topic}.reader-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  const records: TopicRecord[] = [];
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const last = pending.get(partition);
        if (last === undefined || Number(message.offset) > last) return;
        records.push({ partition, message });
        if (Number(message.offset) >= last) pending.delete(partition);
        if (pending.size === 0) finish();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      finished,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out reading ${topic}`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return records.sort((a, b) => a.partition - b.partition || Number(a.message.offset) - Number(b.message.offset));
}
