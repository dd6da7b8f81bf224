import type { EventStore } from '@alliance/event-sourcing';
import type { IntegrationBus, RelayStatus } from '@alliance/messaging';
import { type HealthRegistry, SERVICE_CONFIG, type ServiceConfig } from '@alliance/nest-kit';
import { type BackgroundWork, EVENT_STORE, INTEGRATION_BUS, ServiceMessaging } from '@alliance/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CATALOGUE_AGGREGATES } from '../../application/catalogue-aggregates';
import { READ_MODEL_SCHEMA } from '../read-model/read-model-location';
import { integrationMessageOf, PUBLISHED_EVENT_TYPES } from './catalogue-integration-events';

/**
 * Publishes the catalogue's integration events from its event store (a checkpointed subscription), so a
 * fact is on the bus if and only if it is in the store: no dual write, at-least-once, per-aggregate order.
 * The catalogue consumes nothing.
 */
@Injectable()
export class CatalogueOutbox implements BackgroundWork {
  private readonly messaging: ServiceMessaging;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(INTEGRATION_BUS) bus: IntegrationBus,
  ) {
    this.messaging = new ServiceMessaging({
      config,
      name: CATALOGUE_AGGREGATES.context,
      store,
      bus,
      checkpoints: { schema: READ_MODEL_SCHEMA, folder: 'relay' },
      publish: {
        map: integrationMessageOf,
        filter: {
          streamPrefixes: [CATALOGUE_AGGREGATES.prefix.institution, CATALOGUE_AGGREGATES.prefix.credentialSpec],
          eventTypes: PUBLISHED_EVENT_TYPES,
        },
      },
      logger: new Logger('CatalogueOutbox'),
    });
  }

  async start(health: HealthRegistry): Promise<void> {
    await this.messaging.start(health);
  }

  async stop(): Promise<void> {
    await this.messaging.stop();
  }

  status(): Promise<RelayStatus> {
    return this.messaging.status();
  }
}
