import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, ReadModelOrm } from '@alliance/event-sourcing';
import type { IntegrationBus } from '@alliance/messaging';
import { EVENT_STORE, HealthRegistry, INTEGRATION_BUS, SERVICE_CONFIG, ServiceMessaging } from '@alliance/nest-kit';
import { VERIFICATION_ORM } from '../application/verification.tokens';
import type { VerificationConfig } from '../verification.config';
import { mapVerificationEvent, PUBLISHED_EVENT_TYPES } from './integration/verification-event-mapper';
import { VERIFICATION, VERIFICATION_SOURCES, verificationMessageHandler } from './integration/verification-inbox-routes';
import { READ_MODEL_SCHEMA } from './verification-database';

/** Verification's background work: consuming the registry and credential events, publishing verification events. */
@Injectable()
export class VerificationEngine implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly messaging: ServiceMessaging;

  constructor(
    @Inject(SERVICE_CONFIG) config: VerificationConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(INTEGRATION_BUS) bus: IntegrationBus,
    @Inject(VERIFICATION_ORM) private readonly orm: ReadModelOrm,
    private readonly health: HealthRegistry,
  ) {
    this.messaging = new ServiceMessaging({
      config,
      name: VERIFICATION,
      store,
      bus,
      checkpoints: { schema: READ_MODEL_SCHEMA, folder: 'checkpoints' },
      publish: { map: mapVerificationEvent, filter: { streamPrefixes: ['verification.verification-'], eventTypes: PUBLISHED_EVENT_TYPES } },
      consume: { group: config.VERIFICATION_CONSUMER_GROUP, sources: VERIFICATION_SOURCES, handler: verificationMessageHandler(orm) },
      logger: new Logger('VerificationEngine'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.messaging.start(this.health);
    this.health.register({ name: 'readModel', check: async () => void (await this.orm.em.fork().execute('select 1')) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.messaging.stop();
    await this.orm.close();
  }
}
