import { CompressionTypes, Kafka, Partitioners, type Admin, type Message, type Producer } from 'kafkajs';
import { encodeMessage } from '../codec/wire-record';
import type { DeadLetter } from '../dead-letters/dead-letter';
import type { BusConsumer, IntegrationBus, IntegrationMessage, SubscribeSpec } from '../integration-bus.port';
import { retryPolicy, type RetryPolicy } from '../retry/retry-policy';
import { KAFKA_DEFAULTS, type KafkaBusOptions } from './kafka-bus-options';
import { KafkaBusConsumer } from './kafka-consumer';
import { KafkaConnection } from './kafka-connection';
import { deadLetterRecord } from './kafka-dead-letter-record';
import { KafkaDeadLetters } from './kafka-dead-letters';
import { kafkaConsumerLag } from './kafka-lag';
import { jsonLogCreator, KAFKAJS_LEVEL } from './kafka-logger';
import { KafkaTopics, TopicEnsurer, type TopicSpec } from './kafka-topics';

/**
 * The integration bus of the distributed mode: one topic per context, records keyed by aggregate id,
 * an idempotent producer, a consumer group per service, a dead-letter topic per group.
 */
export class KafkaBus implements IntegrationBus {
  readonly name = 'kafka';
  readonly kafka: Kafka;
  readonly topics: KafkaTopics;
  readonly deadLetters: KafkaDeadLetters;
  private readonly options: Required<Omit<KafkaBusOptions, 'client' | 'retry'>>;
  private readonly policy: RetryPolicy;
  private readonly ensurer: TopicEnsurer;
  private readonly consumers = new Set<KafkaBusConsumer>();
  private readonly producerConnection: KafkaConnection<Producer>;
  private readonly adminConnection: KafkaConnection<Admin>;
  private closed = false;

  constructor(options: KafkaBusOptions) {
    if (options.brokers.length === 0) throw new TypeError('the Kafka bus needs at least one broker');
    this.options = { ...KAFKA_DEFAULTS, ...stripUndefined(options) } as KafkaBus['options'];
    this.policy = retryPolicy(options.retry);
    this.kafka = new Kafka({
      ...options.client,
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: KAFKAJS_LEVEL[this.options.logLevel],
      logCreator: jsonLogCreator,
      // Generous, so a broker restart is ridden out rather than surfacing as an error.
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 12 },
    });
    this.producerConnection = new KafkaConnection(async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        // One request in flight keeps per-partition order even when a send is retried.
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    });
    this.adminConnection = new KafkaConnection(async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    });
    this.topics = new KafkaTopics(this.options.topicPrefix);
    this.ensurer = new TopicEnsurer(() => this.admin(), this.options.replicationFactor);
    this.deadLetters = new KafkaDeadLetters(
      this.kafka,
      () => this.admin(),
      () => this.producer(),
      this.topics,
      this.ensurer,
      this.options.personalDataRetentionMs,
    );
  }

  /** A context topic: with the personal-data retention when its source carries learners' personal data. */
  sourceTopicSpec(topic: string): TopicSpec {
    const personal = this.options.personalDataSources.some((source) => this.topics.source(source) === topic);
    return { topic, partitions: this.options.partitions, ...(personal ? { retentionMs: this.options.personalDataRetentionMs } : {}) };
  }

  async publish(messages: IntegrationMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const topic = this.topics.source(message.source);
      const record = encodeMessage(message);
      let list = byTopic.get(topic);
      if (!list) byTopic.set(topic, (list = []));
      list.push({ key: record.key, value: record.value, headers: record.headers });
    }
    await this.ensurer.ensure([...byTopic.keys()].map((topic) => this.sourceTopicSpec(topic)));
    const producer = await this.producer();
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
    });
  }

  async subscribe(spec: SubscribeSpec): Promise<BusConsumer> {
    this.assertOpen();
    if (spec.sources.length === 0) throw new TypeError(`group ${spec.group} subscribes to no source`);
    const sourceTopics = spec.sources.map((s) => this.topics.source(s));
    const replayTopic = this.topics.replay(spec.group);
    await this.ensurer.ensure([
      ...sourceTopics.map((topic) => this.sourceTopicSpec(topic)),
      { topic: replayTopic, partitions: 1, retentionMs: this.options.personalDataRetentionMs },
      { topic: this.topics.deadLetter(spec.group), partitions: 1, retentionMs: this.options.personalDataRetentionMs },
    ]);
    const consumer: KafkaBusConsumer = new KafkaBusConsumer({
      kafka: this.kafka,
      spec,
      topics: [...sourceTopics, replayTopic],
      replayTopic,
      policy: retryPolicy(spec.retry, this.policy),
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      commitIntervalMs: this.options.commitIntervalMs,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
      deadLetter: (letter) => this.sendDeadLetter(letter),
      lag: async (topics) => kafkaConsumerLag(await this.admin(), spec.group, topics),
      onStopped: () => this.consumers.delete(consumer),
    });
    this.consumers.add(consumer);
    try {
      await consumer.start();
    } catch (error) {
      await consumer.stop().catch(() => undefined);
      throw error;
    }
    return consumer;
  }

  async ping(): Promise<void> {
    const admin = await this.admin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.consumers].map((c) => c.stop()));
    await this.producerConnection.disconnect();
    await this.adminConnection.disconnect();
  }

  private async sendDeadLetter(letter: Omit<DeadLetter, 'id'>): Promise<void> {
    const producer = await this.producer();
    await producer.send({ topic: this.topics.deadLetter(letter.group), acks: -1, messages: [deadLetterRecord(letter)] });
  }

  private producer(): Promise<Producer> {
    return this.producerConnection.get();
  }

  private admin(): Promise<Admin> {
    return this.adminConnection.get();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the Kafka bus is closed');
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function createKafkaBus(options: KafkaBusOptions): KafkaBus {
  return new KafkaBus(options);
}
