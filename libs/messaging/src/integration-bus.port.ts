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
  topic: string;
  partition?: number;
  offset?: string;
}

export type MessageHandler = (message: IntegrationMessage, context: MessageContext) => Promise<void>;

export interface SubscribeSpec {
  /** Consumer group, one per service (replicas of a service share it). */
  group: string;
  /** Contexts (topics) to consume. */
  sources: string[];
  handler: MessageHandler;
}

export interface BusConsumer {
  stop(): Promise<void>;
}

/** The port both adapters (Kafka, in-process) implement; one contract suite checks them. */
export interface IntegrationBus {
  readonly name: string;
  publish(messages: IntegrationMessage[]): Promise<void>;
  subscribe(spec: SubscribeSpec): Promise<BusConsumer>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
