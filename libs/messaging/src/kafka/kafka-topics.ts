import { whileMetadataSettles } from './metadata-settling';
import type { Admin } from 'kafkajs';

const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Topic names of one bus: a topic per context, and per consumer group a dead-letter and a replay topic. */
export class KafkaTopics {
  constructor(private readonly prefix: string) {}

  source(source: string): string {
    return this.legal(`${this.prefix}${source}`);
  }

  deadLetter(group: string): string {
    return this.legal(`${this.prefix}${group}.dead-letter`);
  }

  replay(group: string): string {
    return this.legal(`${this.prefix}${group}.replay`);
  }

  /** Group of a dead-letter topic name, or undefined when the name is not one of this bus's dead-letter topics. */
  groupOfDeadLetterTopic(topic: string): string | undefined {
    const suffix = '.dead-letter';
    return topic.startsWith(this.prefix) && topic.endsWith(suffix) ? topic.slice(this.prefix.length, -suffix.length) : undefined;
  }

  private legal(topic: string): string {
    if (!LEGAL.test(topic) || topic.length > 249) throw new TypeError(`"${topic}" is not a legal Kafka topic name`);
    return topic;
  }
}

/** A topic to create when missing; `retentionMs` bounds how long its records are kept (else the brokers' default). */
export interface TopicSpec {
  topic: string;
  partitions: number;
  retentionMs?: number;
}

/**
 * Creates missing topics with the configured partition count instead of relying on broker auto-creation,
 * whose partition count would be the broker's default and could break key → partition stability later.
 */
export class TopicEnsurer {
  private readonly known = new Set<string>();

  constructor(
    private readonly admin: () => Promise<Admin>,
    private readonly replicationFactor: number,
  ) {}

  async ensure(topics: TopicSpec[]): Promise<void> {
    const missing = topics.filter((t) => !this.known.has(t.topic));
    if (missing.length === 0) return;
    await whileMetadataSettles(() => this.create(missing));
  }

  private async create(missing: TopicSpec[]): Promise<void> {
    const admin = await this.admin();
    const existing = new Set(await admin.listTopics());
    const toCreate = missing.filter((t) => !existing.has(t.topic));
    if (toCreate.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: toCreate.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions,
          replicationFactor: this.replicationFactor,
          ...(t.retentionMs === undefined ? {} : { configEntries: [{ name: 'retention.ms', value: String(t.retentionMs) }] }),
        })),
      });
    }
    for (const t of missing) this.known.add(t.topic);
  }
}
