import type { EventStore, ReadModelOrm } from '@alliance/event-sourcing';
import type { IntegrationBus } from '@alliance/messaging';
import { ServiceMessaging } from '@alliance/service-runtime';
import { Logger } from '@nestjs/common';
import { ASSESSMENT_AGGREGATES } from '../../application/assessment-aggregates';
import type { AssessmentConfig } from '../../assessment.config';
import { TRANSCRIPT_EVENT_TYPES } from '../../domain/transcript/transcript.events';
import { READ_MODEL_SCHEMA } from '../assessment-database';
import { mapAssessmentEvent } from './assessment-event-mapper';
import { ASSESSMENT_SOURCES, assessmentMessageHandler } from './assessment-inbox-routes';

/** Publishes assessment's integration events (outbox relay) and consumes the catalogue's and enrolment's. */
export class AssessmentIntegration extends ServiceMessaging {
  constructor({ config, store, bus, orm }: { config: AssessmentConfig; store: EventStore; bus: IntegrationBus; orm: ReadModelOrm }) {
    super({
      config,
      name: ASSESSMENT_AGGREGATES.context,
      store,
      bus,
      checkpoints: { schema: READ_MODEL_SCHEMA, folder: 'relay' },
      publish: {
        map: mapAssessmentEvent,
        filter: { streamPrefixes: [ASSESSMENT_AGGREGATES.prefix.transcript], eventTypes: [...TRANSCRIPT_EVENT_TYPES] },
      },
      consume: { group: config.ASSESSMENT_CONSUMER_GROUP, sources: ASSESSMENT_SOURCES, handler: assessmentMessageHandler(orm) },
      logger: new Logger('AssessmentIntegration'),
    });
  }
}
