import type { Admin } from 'kafkajs';
import type { ConsumerLag } from '../integration-bus.port';

/** Lag from the group's committed offsets against each partition's high watermark. */
export async function kafkaConsumerLag(admin: Admin, group: string, topics: string[]): Promise<ConsumerLag> {
  const committed = await admin.fetchOffsets({ groupId: group, topics });
  const partitions: ConsumerLag['partitions'] = [];
  for (const topic of topics) {
    const heads = await admin.fetchTopicOffsets(topic);
    const offsets = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const h of heads) {
      const head = Number(h.high);
      const stored = Number(offsets.find((o) => o.partition === h.partition)?.offset ?? -1);
      // -1: nothing committed yet, so the group will start from the earliest retained offset.
      const position = stored < 0 ? Number(h.low) : stored;
      partitions.push({ topic, partition: h.partition, committed: position, head, lag: Math.max(0, head - position) });
    }
  }
  return { group, total: partitions.reduce((n, p) => n + p.lag, 0), partitions };
}
