import type { EventStore, ReadModelOrm } from '@alliance/event-sourcing';
import type { IntegrationBus } from '@alliance/messaging';
import { ServiceMessaging } from '@alliance/service-runtime';
import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { ENROLMENT_AGGREGATES } from '../../application/enrolment-aggregates';
import type { EnrolmentConfig } from '../../enrolment.config';
import { LEARNER_EVENT_TYPES } from '../../domain/learner/learner.events';
import { READ_MODEL_SCHEMA } from '../enrolment-database';
import type { IdentityVault } from '../../application/personal-data/identity-vault';
import { mapEnrolmentEvent } from './enrolment-event-mapper';
import { ENROLMENT_SOURCES, enrolmentMessageHandler } from './enrolment-inbox-routes';
import { withOpenedIdentities } from './identity-opening-store';

export interface EnrolmentIntegrationDeps {
  config: EnrolmentConfig;
  store: EventStore;
  bus: IntegrationBus;
  orm: ReadModelOrm;
  vault: IdentityVault;
  /** Runs the commands other contexts' events cause. */
  commands: CommandBus;
}

/** Publishes enrolment's integration events (outbox relay) and consumes the catalogue's and issuance's. */
export class EnrolmentIntegration extends ServiceMessaging {
  constructor({ config, store, bus, orm, vault, commands }: EnrolmentIntegrationDeps) {
    super({
      config,
      name: ENROLMENT_AGGREGATES.context,
      // Learner events carry sealed identities; the relay publishes them opened.
      store: withOpenedIdentities(store, vault),
      bus,
      checkpoints: { schema: READ_MODEL_SCHEMA, folder: 'relay' },
      publish: {
        map: mapEnrolmentEvent,
        filter: { streamPrefixes: [ENROLMENT_AGGREGATES.prefix.learner], eventTypes: [...LEARNER_EVENT_TYPES] },
      },
      consume: {
        group: config.ENROLMENT_CONSUMER_GROUP,
        sources: ENROLMENT_SOURCES,
        handler: enrolmentMessageHandler(orm, commands),
      },
      logger: new Logger('EnrolmentIntegration'),
    });
  }
}
