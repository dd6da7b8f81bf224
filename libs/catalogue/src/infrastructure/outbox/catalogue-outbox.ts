import { join } from 'node:path';
import type { EventStore } from '@alliance/event-sourcing';
import {
  createOutboxRelay,
  type IntegrationBus,
  outboxHealthCheck,
  type OutboxRelay,
  type RelayCheckpointStore,
  type RelayStatus,
} from '@alliance/messaging';
import { EVENT_STORE, HealthRegistry, INTEGRATION_BUS, relayCheckpointStore, SERVICE_CONFIG, type ServiceConfig } from '@alliance/nest-kit';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CATALOGUE, CREDENTIAL_SPEC_STREAM_PREFIX, INSTITUTION_STREAM_PREFIX } from '../../application/catalogue-streams';
import { READ_MODEL_SCHEMA } from '../read-model/read-model-location';
import { integrationMessageOf, PUBLISHED_EVENT_TYPES } from './catalogue-integration-events';

/**
 * Publishes the catalogue's integration events from its event store (a checkpointed subscription), so a
 * fact is on the bus if and only if it is in the store: no dual write, at-least-once, per-aggregate order.
 */
@Injectable()
export class CatalogueOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CatalogueOutbox');
  private readonly checkpoints: RelayCheckpointStore;
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(INTEGRATION_BUS) bus: IntegrationBus,
    private readonly health: HealthRegistry,
  ) {
    this.checkpoints = relayCheckpointStore(config, { schema: READ_MODEL_SCHEMA, folder: join(config.DATA_DIR, CATALOGUE, 'relay') });
    this.relay = createOutboxRelay({
      name: CATALOGUE,
      store,
      bus,
      checkpoints: this.checkpoints,
      map: integrationMessageOf,
      filter: { streamPrefixes: [INSTITUTION_STREAM_PREFIX, CREDENTIAL_SPEC_STREAM_PREFIX], eventTypes: PUBLISHED_EVENT_TYPES },
      onError: (error) => this.logger.warn({ err: error }, 'catalogue outbox relay retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    this.health.register(outboxHealthCheck(this.relay));
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.checkpoints.close();
  }

  status(): Promise<RelayStatus> {
    return this.relay.status();
  }
}
