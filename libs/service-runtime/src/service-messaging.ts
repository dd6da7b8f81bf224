import { join } from 'node:path';
import type { AllFilter, CheckpointStore, EventStore } from '@alliance/event-sourcing';
import {
  type BusConsumer,
  consumerHealthCheck,
  createOutboxRelay,
  type EventMapper,
  type IntegrationBus,
  type MessagingHealthCheck,
  outboxHealthCheck,
  type OutboxRelay,
  type RelayStatus,
  type SubscribeSpec,
} from '@alliance/messaging';
import type { ServiceConfig, HealthRegistry } from '@alliance/nest-kit';
import { relayCheckpointStore } from './relay-checkpoint-store';

export interface ServiceMessagingOptions {
  config: ServiceConfig;
  /** The publishing context, e.g. `catalogue`: the relay's checkpoint key and the start of its retry log line. */
  name: string;
  store: EventStore;
  bus: IntegrationBus;
  /**
   * Where the relay keeps its position (see `relayCheckpointStore`): the schema on PostgreSQL, the folder
   * under DATA_DIR/<name> when embedded. Others may share `checkpoints`.
   */
  checkpoints: { schema: string; folder: 'relay' | 'checkpoints' };
  /** What the outbox relay publishes: the mapper and the part of the store it reads. */
  publish: { map: EventMapper; filter: AllFilter };
  /** Other contexts' events the service consumes; left out by a service that only publishes. */
  consume?: SubscribeSpec;
  /** Relay retries are logged here as `({ err }, '<name> outbox relay retrying')`. */
  logger: { warn(fields: { err: unknown }, message: string): void };
}

/**
 * A service's side of the integration bus: the outbox relay that publishes its events from its store, the
 * consumer of other contexts' events, their readiness checks (`outbox`: relay position and lag; `consumer`:
 * group lag) and the stop order (consumer, relay, then the checkpoint store).
 */
export class ServiceMessaging {
  /** The relay's checkpoint store, which other background work of the service (a process manager) may share. */
  readonly checkpoints: CheckpointStore;
  private readonly relay: OutboxRelay;
  private consumer?: BusConsumer;

  constructor(private readonly options: ServiceMessagingOptions) {
    const { config, name } = options;
    this.checkpoints = relayCheckpointStore(config, {
      schema: options.checkpoints.schema,
      folder: join(config.DATA_DIR, options.name, options.checkpoints.folder),
    });
    this.relay = createOutboxRelay({
      name,
      store: options.store,
      bus: options.bus,
      checkpoints: this.checkpoints,
      map: options.publish.map,
      filter: options.publish.filter,
      onError: (error) => options.logger.warn({ err: error }, `${name} outbox relay retrying`),
    });
  }

  /** Starts the relay, then subscribes the consumer; registers the readiness checks once both run, if given a registry. */
  async start(health?: Pick<HealthRegistry, 'register'>): Promise<void> {
    await this.relay.start();
    if (this.options.consume) this.consumer = await this.options.bus.subscribe(this.options.consume);
    if (health) this.registerHealth(health);
  }

  /** `outbox`, then `consumer` when the service consumes. */
  registerHealth(health: Pick<HealthRegistry, 'register'>): void {
    for (const check of this.healthChecks()) health.register(check);
  }

  healthChecks(): MessagingHealthCheck[] {
    const outbox = outboxHealthCheck(this.relay);
    return this.options.consume ? [outbox, consumerHealthCheck(() => this.consumer)] : [outbox];
  }

  /**
   * Leaves the consumer group, stops the relay, runs `beforeClosingCheckpoints` (other work sharing the
   * checkpoint store stops there), then closes the checkpoint store.
   */
  async stop(options: { beforeClosingCheckpoints?: () => Promise<void> } = {}): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
    await options.beforeClosingCheckpoints?.();
    await this.checkpoints.close();
  }

  status(): Promise<RelayStatus> {
    return this.relay.status();
  }
}
