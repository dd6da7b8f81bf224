import type { DeadLetterQueue } from './dead-letters/dead-letter';
import type { RetryPolicy } from './retry/retry-policy';

/** An integration event as it travels between services (see libs/contracts for the payloads). */
export interface IntegrationMessage<TPayload = unknown> {
  /** The id of the domain event it was published from: the dedup key of every inbox. */
  eventId: string;
  /** e.g. `catalogue.credential-spec.published.v1` without the version suffix: `catalogue.credential-spec.published`. */
  type: string;
  version: number;
  /** The aggregate the event belongs to: the partition key, so per-aggregate order holds. */
  key: string;
  /** The publishing context, e.g. `catalogue`: one topic per context. */
  source: string;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  payload: TPayload;
}

export interface MessageContext {
  /** Delivery attempt, 1-based. */
  attempt: number;
  /** The consumer group the message is delivered to. */
  group: string;
  topic: string;
  partition?: number;
  offset?: string;
  /** True when the message comes from an operator's dead-letter replay rather than from its topic. */
  replayed: boolean;
}

export type MessageHandler = (message: IntegrationMessage, context: MessageContext) => Promise<void>;

export interface SubscribeSpec {
  /** Consumer group, one per service (replicas of a service share it). */
  group: string;
  /** Contexts (topics) to consume. */
  sources: string[];
  /** Resolves once the handler's own transaction committed; only then is the message acknowledged. */
  handler: MessageHandler;
  /** Overrides the bus's retry policy for this subscription. */
  retry?: Partial<RetryPolicy>;
}

/** How far a consumer group is behind its topics. */
export interface ConsumerLag {
  group: string;
  /** Messages published but not yet acknowledged by the group, over all partitions. */
  total: number;
  partitions: { topic: string; partition: number; committed: number; head: number; lag: number }[];
}

export interface BusConsumer {
  readonly group: string;
  /** Lag of the whole group (every member), for the readiness/metrics endpoint. */
  getLag(): Promise<ConsumerLag>;
  /** Leaves the group after the message being handled, if any; unacknowledged messages are redelivered later. */
  stop(): Promise<void>;
}

/** The port both adapters (Kafka, in-process) implement; one contract suite checks them. */
export interface IntegrationBus {
  readonly name: string;
  /**
   * Publishes in order; resolves only once every message is durably accepted (Kafka: acknowledged by the
   * in-sync replicas; in-process: handled by every subscribed group), so a relay may checkpoint after it.
   */
  publish(messages: IntegrationMessage[]): Promise<void>;
  subscribe(spec: SubscribeSpec): Promise<BusConsumer>;
  /** Messages that failed for good, per consumer group; listed and replayed by the operator's CLI. */
  readonly deadLetters: DeadLetterQueue;
  ping(): Promise<void>;
  close(): Promise<void>;
}
