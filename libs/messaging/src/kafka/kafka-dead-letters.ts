import type { Admin, Kafka, Producer } from 'kafkajs';
import { DeadLetterNotFoundError, type DeadLetter, type DeadLetterFilter, type DeadLetterQueue } from '../dead-letters/dead-letter';
import { DLQ, parseDeadLetter, replayMarkerRecord, replayRecord } from './kafka-dead-letter-record';
import { wireRecordOf } from './kafka-headers';
import type { KafkaTopics, TopicEnsurer } from './kafka-topics';
import { readTopicToEnd } from './read-topic';

/**
 * Dead letters kept in Kafka itself: one single-partition topic per consumer group, so ids are stable
 * (`<group>/<offset>`); a replay appends a marker record instead of rewriting anything.
 */
export class KafkaDeadLetters implements DeadLetterQueue {
  constructor(
    private readonly kafka: Kafka,
    private readonly admin: () => Promise<Admin>,
    private readonly producer: () => Promise<Producer>,
    private readonly topics: KafkaTopics,
    private readonly ensurer: TopicEnsurer,
    /** Replay topics may hold copies of messages with personal data: kept no longer than this. */
    private readonly retentionMs?: number,
  ) {}

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    const groups = filter.group ? [filter.group] : await this.groupsWithDeadLetters();
    const letters: DeadLetter[] = [];
    for (const group of groups) letters.push(...(await this.read(group)));
    return letters.filter((l) => filter.includeReplayed || !l.replayedAt);
  }

  async replay(id: string): Promise<DeadLetter> {
    const slash = id.lastIndexOf('/');
    const group = id.slice(0, slash);
    if (slash <= 0) throw new DeadLetterNotFoundError(id);
    const letter = (await this.read(group)).find((l) => l.id === id);
    if (!letter) throw new DeadLetterNotFoundError(id);
    const replayTopic = this.topics.replay(group);
    await this.ensurer.ensure([{ topic: replayTopic, partitions: 1, retentionMs: this.retentionMs }]);
    const producer = await this.producer();
    await producer.send({ topic: replayTopic, messages: [replayRecord(letter)] });
    const replayedAt = new Date().toISOString();
    await producer.send({ topic: this.topics.deadLetter(group), messages: [replayMarkerRecord(id.slice(slash + 1), replayedAt)] });
    return { ...letter, replayedAt };
  }

  private async groupsWithDeadLetters(): Promise<string[]> {
    const admin = await this.admin();
    return (await admin.listTopics()).flatMap((t) => this.topics.groupOfDeadLetterTopic(t) ?? []).sort();
  }

  private async read(group: string): Promise<DeadLetter[]> {
    const topic = this.topics.deadLetter(group);
    const admin = await this.admin();
    if (!(await admin.listTopics()).includes(topic)) return [];
    const letters = new Map<string, DeadLetter>();
    for (const { message } of await readTopicToEnd(this.kafka, admin, topic)) {
      const record = wireRecordOf(message);
      const letter = parseDeadLetter(group, message.offset, record);
      if (letter) letters.set(letter.id, letter);
      else {
        const target = letters.get(`${group}/${record.headers[DLQ.replayedOf]}`);
        if (target) target.replayedAt = record.headers[DLQ.replayedAt];
      }
    }
    return [...letters.values()];
  }
}
