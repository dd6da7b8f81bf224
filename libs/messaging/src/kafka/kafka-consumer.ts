import { backoffMs } from '@alliance/event-sourcing';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { DeadLetter } from '../dead-letters/dead-letter';
import type { BusConsumer, ConsumerLag, SubscribeSpec } from '../integration-bus.port';
import { deliver, errorSummary } from '../retry/deliver';
import type { RetryPolicy } from '../retry/retry-policy';
import { DLQ } from './kafka-dead-letter-record';
import { whileMetadataSettles } from './metadata-settling';
import { wireRecordOf } from './kafka-headers';

export interface KafkaConsumerSettings {
  kafka: Kafka;
  spec: SubscribeSpec;
  /** Context topics plus the group's replay topic. */
  topics: string[];
  replayTopic: string;
  policy: RetryPolicy;
  partitionsConsumedConcurrently: number;
  commitIntervalMs: number;
  sessionTimeoutMs: number;
  deadLetter: (letter: Omit<DeadLetter, 'id'>) => Promise<void>;
  lag: (topics: string[]) => Promise<ConsumerLag>;
  onStopped: () => void;
}

/**
 * One member of a consumer group. Each partition is handled strictly in order; an offset is resolved only
 * after the handler (and its transaction) finished or the message was dead-lettered, and commits carry only
 * resolved offsets, so a crash redelivers and never skips.
 */
export class KafkaBusConsumer implements BusConsumer {
  readonly group: string;
  private consumer: Consumer;
  private stopping = false;
  private stopped?: Promise<void>;
  private restarts = 0;

  constructor(private readonly settings: KafkaConsumerSettings) {
    this.group = settings.spec.group;
    this.consumer = this.create();
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await whileMetadataSettles(() => this.consumer.subscribe({ topics: this.settings.topics, fromBeginning: true }));
    await this.consumer.run({
      autoCommit: true,
      autoCommitInterval: this.settings.commitIntervalMs,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  getLag(): Promise<ConsumerLag> {
    return this.settings.lag(this.settings.topics);
  }

  stop(): Promise<void> {
    this.stopping = true;
    this.stopped ??= this.consumer.disconnect().finally(() => this.settings.onStopped());
    return this.stopped;
  }

  private create(): Consumer {
    const consumer = this.settings.kafka.consumer({
      groupId: this.settings.spec.group,
      allowAutoTopicCreation: false,
      sessionTimeout: this.settings.sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, Math.floor(this.settings.sessionTimeoutMs / 3)),
      maxWaitTimeInMs: 250,
    });
    // kafkajs restarts by itself after retriable failures only; a member that stopped for good would
    // leave its partitions unconsumed, so this one starts over with a fresh client instead.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.stopping) void this.replace(consumer);
    });
    return consumer;
  }

  private async replace(crashed: Consumer): Promise<void> {
    await crashed.disconnect().catch(() => undefined);
    while (!this.stopping && this.consumer === crashed) {
      await new Promise((r) => setTimeout(r, backoffMs({ initialMs: 1_000, maxMs: 30_000 }, ++this.restarts)));
      if (this.stopping) return;
      const next = this.create();
      try {
        this.consumer = next;
        await this.start();
        this.restarts = 0;
        return;
      } catch {
        this.consumer = crashed;
        await next.disconnect().catch(() => undefined);
      }
    }
  }

  private async handleBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const active = () => !this.stopping && isRunning() && !isStale();
    const replayed = batch.topic === this.settings.replayTopic;
    for (const message of batch.messages) {
      if (!active()) return;
      const record = wireRecordOf(message);
      const topic = replayed ? (record.headers[DLQ.topic] ?? batch.topic) : batch.topic;
      const outcome = await deliver(record, {
        handler: this.settings.spec.handler,
        policy: this.settings.policy,
        context: { group: this.group, topic, partition: batch.partition, offset: message.offset, replayed },
        isActive: active,
        sleep: (ms) => this.sleepWithHeartbeat(ms, heartbeat, active),
      });
      if (outcome.status === 'aborted') return;
      if (outcome.status === 'dead-letter') {
        await this.settings.deadLetter({
          group: this.group,
          topic,
          partition: batch.partition,
          offset: message.offset,
          original: record,
          reason: outcome.reason,
          error: errorSummary(outcome.error),
          attempts: outcome.attempts,
          failedAt: new Date().toISOString(),
        });
      }
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /** Back-off without losing the partition: the group session stays alive while we wait. */
  private async sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>, active: () => boolean): Promise<void> {
    const until = Date.now() + ms;
    while (active() && Date.now() < until) {
      await new Promise((r) => setTimeout(r, Math.min(250, until - Date.now())));
      await heartbeat().catch(() => undefined);
    }
  }
}
