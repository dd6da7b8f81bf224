import { join } from 'node:path';
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
import { type HealthRegistry, relayCheckpointStore } from '@alliance/nest-kit';
import { Logger } from '@nestjs/common';
import { ASSESSMENT, TRANSCRIPT_STREAM_PREFIX } from '../../application/assessment-streams';
import type { AssessmentConfig } from '../../assessment.config';
import { TRANSCRIPT_EVENT_TYPES } from '../../domain/transcript/transcript.events';
import { READ_MODEL_SCHEMA } from '../assessment-database';
import { mapAssessmentEvent } from './assessment-event-mapper';
import { ASSESSMENT_SOURCES, assessmentMessageHandler } from './assessment-inbox-routes';

/** Publishes assessment's integration events (outbox relay) and consumes the catalogue's and enrolment's. */
export class AssessmentIntegration {
  private readonly logger = new Logger('AssessmentIntegration');
  private readonly checkpoints: RelayCheckpointStore;
  private readonly relay: OutboxRelay;
  private consumer?: BusConsumer;

  constructor(private readonly deps: { config: AssessmentConfig; store: EventStore; bus: IntegrationBus; orm: ReadModelOrm }) {
    const { config } = deps;
    this.checkpoints = relayCheckpointStore(config, { schema: READ_MODEL_SCHEMA, folder: join(config.DATA_DIR, ASSESSMENT, 'relay') });
    this.relay = createOutboxRelay({
      name: ASSESSMENT,
      store: deps.store,
      bus: deps.bus,
      checkpoints: this.checkpoints,
      map: mapAssessmentEvent,
      filter: { streamPrefixes: [TRANSCRIPT_STREAM_PREFIX], eventTypes: [...TRANSCRIPT_EVENT_TYPES] },
      onError: (error) => this.logger.warn({ err: error }, 'assessment outbox relay retrying'),
    });
  }

  async start(health?: HealthRegistry): Promise<void> {
    await this.relay.start();
    this.consumer = await this.deps.bus.subscribe({ group: this.deps.config.ASSESSMENT_CONSUMER_GROUP, sources: ASSESSMENT_SOURCES, handler: assessmentMessageHandler(this.deps.orm) });
    health?.register(outboxHealthCheck(this.relay));
    health?.register(consumerHealthCheck(() => this.consumer));
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
    await this.checkpoints.close();
  }
}
