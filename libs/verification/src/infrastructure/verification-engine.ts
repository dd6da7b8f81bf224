import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventStore, ReadModelOrm } from '@alliance/event-sourcing';
import type { IntegrationBus } from '@alliance/messaging';
import { type HealthRegistry, SERVICE_CONFIG } from '@alliance/nest-kit';
import { type BackgroundWork, EVENT_STORE, INTEGRATION_BUS, ServiceMessaging } from '@alliance/service-runtime';
import {
  credentialIssuedV1,
  credentialReinstatedV1,
  credentialRevokedV1,
  credentialSuspendedV1,
  INSTITUTION_CONTRACTS,
} from '@alliance/contracts';
import type { MessageHandler } from '@alliance/messaging';
import { VERIFICATION_AGGREGATES } from '../application/verification-aggregates';
import { VERIFICATION_ORM, VERIFICATION_RESULTS } from '../application/verification.tokens';
import type { VerificationResultCache } from '../application/verify/verification-result-cache';
import type { Verdict } from '../domain/report/verdict';
import type { VerificationConfig } from '../verification.config';
import { mapVerificationEvent, PUBLISHED_EVENT_TYPES } from './integration/verification-event-mapper';
import { VERIFICATION, VERIFICATION_SOURCES, verificationMessageHandler } from './integration/verification-inbox-routes';
import { READ_MODEL_SCHEMA } from './verification-database';

/** Messages after which no earlier verification result may be reused: the registry or a credential's status changed. */
const REGISTRY_OR_STATUS = new Set(
  [...INSTITUTION_CONTRACTS, credentialSuspendedV1, credentialReinstatedV1, credentialRevokedV1].map((c) => c.type),
);

/** Verification's background work: consuming the registry and credential events, publishing verification events. */
@Injectable()
export class VerificationEngine implements BackgroundWork {
  private readonly messaging: ServiceMessaging;

  constructor(
    @Inject(SERVICE_CONFIG) config: VerificationConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(INTEGRATION_BUS) bus: IntegrationBus,
    @Inject(VERIFICATION_ORM) private readonly orm: ReadModelOrm,
    @Inject(VERIFICATION_RESULTS) results: VerificationResultCache<{ verdict: Verdict }>,
  ) {
    const registryAndNotes = verificationMessageHandler(orm);
    // What the registry or a credential's status learns may change a reused result.
    const handler: MessageHandler = async (message, context) => {
      await registryAndNotes(message, context);
      if (REGISTRY_OR_STATUS.has(message.type)) results.changed('any');
      else if (message.type === credentialIssuedV1.type) results.changed('issued');
    };
    this.messaging = new ServiceMessaging({
      config,
      name: VERIFICATION,
      store,
      bus,
      checkpoints: { schema: READ_MODEL_SCHEMA, folder: 'checkpoints' },
      publish: {
        map: mapVerificationEvent,
        filter: { streamPrefixes: [VERIFICATION_AGGREGATES.prefix.verification], eventTypes: PUBLISHED_EVENT_TYPES },
      },
      consume: { group: config.VERIFICATION_CONSUMER_GROUP, sources: VERIFICATION_SOURCES, handler },
      logger: new Logger('VerificationEngine'),
    });
  }

  async start(health: HealthRegistry): Promise<void> {
    await this.messaging.start(health);
    health.register({ name: 'readModel', check: async () => void (await this.orm.em.fork().execute('select 1')) });
  }

  async stop(): Promise<void> {
    await this.messaging.stop();
  }
}
