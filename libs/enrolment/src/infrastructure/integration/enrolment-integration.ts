import { join } from 'node:path';
import { type EventStore, streamPrefix, type ReadModelOrm } from '@alliance/event-sourcing';
import {
  type BusConsumer,
  consumerHealthCheck,
  createOutboxRelay,
  type IntegrationBus,
  outboxHealthCheck,
  type OutboxRelay,
  type RelayCheckpointStore,
} from '@alliance/messaging';
import { type HealthRegistry, relayCheckpointStore } from '@alliance/nest-kit';
import { Logger } from '@nestjs/common';
import type { CompleteEnrolmentHandler } from '../../application/commands/complete-enrolment';
import { ENROLMENT } from '../../application/enrolment-streams';
import type { EnrolmentConfig } from '../../enrolment.config';
import { LEARNER_EVENT_TYPES } from '../../domain/learner/learner.events';
import { READ_MODEL_SCHEMA } from '../enrolment-database';
import type { PersonalDataVault } from '../personal-data/personal-data-vault';
import { mapEnrolmentEvent } from './enrolment-event-mapper';
import { ENROLMENT_SOURCES, enrolmentMessageHandler } from './enrolment-inbox-routes';
import { withOpenedIdentities } from './identity-opening-store';

export interface EnrolmentIntegrationDeps {
  config: EnrolmentConfig;
  store: EventStore;
  bus: IntegrationBus;
  orm: ReadModelOrm;
  vault: PersonalDataVault;
  completeHandler: CompleteEnrolmentHandler;
}

/** Publishes enrolment's integration events (outbox relay) and consumes the catalogue's and issuance's. */
export class EnrolmentIntegration {
  private readonly logger = new Logger('EnrolmentIntegration');
  private readonly checkpoints: RelayCheckpointStore;
  private readonly relay: OutboxRelay;
  private consumer?: BusConsumer;

  constructor(private readonly deps: EnrolmentIntegrationDeps) {
    const { config } = deps;
    this.checkpoints = relayCheckpointStore(config, { schema: READ_MODEL_SCHEMA, folder: join(config.DATA_DIR, ENROLMENT, 'relay') });
    this.relay = createOutboxRelay({
      name: ENROLMENT,
      store: withOpenedIdentities(deps.store, deps.vault),
      bus: deps.bus,
      checkpoints: this.checkpoints,
      map: mapEnrolmentEvent,
      filter: { streamPrefixes: [streamPrefix(ENROLMENT, 'learner')], eventTypes: [...LEARNER_EVENT_TYPES] },
      onError: (error) => this.logger.warn({ err: error }, 'enrolment outbox relay retrying'),
    });
  }

  async start(health?: HealthRegistry): Promise<void> {
    await this.relay.start();
    this.consumer = await this.deps.bus.subscribe({
      group: this.deps.config.ENROLMENT_CONSUMER_GROUP,
      sources: ENROLMENT_SOURCES,
      handler: enrolmentMessageHandler(this.deps.orm, this.deps.completeHandler),
    });
    health?.register(outboxHealthCheck(this.relay));
    health?.register(consumerHealthCheck(() => this.consumer));
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
    await this.checkpoints.close();
  }
}
