import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, ReadModelOrm } from '@alliance/event-sourcing';
import {
  type BusConsumer,
  consumerHealthCheck,
  createOutboxRelay,
  type IntegrationBus,
  outboxHealthCheck,
  type OutboxRelay,
  type RelayCheckpointStore,
} from '@alliance/messaging';
import { EVENT_STORE, HealthRegistry, INTEGRATION_BUS, relayCheckpointStore, SERVICE_CONFIG } from '@alliance/nest-kit';
import { VERIFICATION_ORM } from '../application/verification.tokens';
import type { VerificationConfig } from '../verification.config';
import { mapVerificationEvent, PUBLISHED_EVENT_TYPES } from './integration/verification-event-mapper';
import { VERIFICATION, VERIFICATION_SOURCES, verificationMessageHandler } from './integration/verification-inbox-routes';
import { READ_MODEL_SCHEMA } from './verification-database';

/** Verification's background work: consuming the registry and credential events, publishing verification events. */
@Injectable()
export class VerificationEngine implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VerificationEngine');
  private readonly checkpoints: RelayCheckpointStore;
  private readonly relay: OutboxRelay;
  private consumer?: BusConsumer;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: VerificationConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(INTEGRATION_BUS) private readonly bus: IntegrationBus,
    @Inject(VERIFICATION_ORM) private readonly orm: ReadModelOrm,
    private readonly health: HealthRegistry,
  ) {
    this.checkpoints = relayCheckpointStore(config, { schema: READ_MODEL_SCHEMA, folder: join(config.DATA_DIR, VERIFICATION, 'checkpoints') });
    this.relay = createOutboxRelay({
      name: VERIFICATION,
      store,
      bus,
      checkpoints: this.checkpoints,
      map: mapVerificationEvent,
      filter: { streamPrefixes: ['verification.verification-'], eventTypes: PUBLISHED_EVENT_TYPES },
      onError: (error) => this.logger.warn({ err: error }, 'verification outbox relay retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    this.consumer = await this.bus.subscribe({ group: this.config.VERIFICATION_CONSUMER_GROUP, sources: VERIFICATION_SOURCES, handler: verificationMessageHandler(this.orm) });
    this.health.register(outboxHealthCheck(this.relay));
    this.health.register(consumerHealthCheck(() => this.consumer));
    this.health.register({ name: 'readModel', check: async () => void (await this.orm.em.fork().execute('select 1')) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
    await this.checkpoints.close();
    await this.orm.close();
  }
}
