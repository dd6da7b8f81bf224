import type { ReadModelOrm } from '@alliance/event-sourcing';
import { MemberStandingSource } from '@alliance/nest-kit';
import { defineContext } from '@alliance/service-runtime';
import { AssessmentAggregates } from './application/assessment-aggregates';
import { BatchProgress } from './application/batch/batch-progress';
import { BatchSettings } from './application/batch/batch-settings';
import { ASSESSMENT_COMMAND_HANDLERS } from './application/commands';
import { AssessmentKnowledge } from './application/ports/assessment-knowledge.port';
import { ResultRecords } from './application/ports/result-records.port';
import { ASSESSMENT_QUERY_HANDLERS } from './application/queries';
import { AssessmentConfig } from './assessment.config';
import { ASSESSMENT_INTEGRATION, ASSESSMENT_ORM } from './assessment.tokens';
import { AssessmentResultsController } from './http/assessment-results.controller';
import { AssessmentDatabase } from './infrastructure/assessment-database';
import { AssessmentIntegration } from './infrastructure/integration/assessment-integration';
import { MemberStandings } from './infrastructure/knowledge/knowledge-rows';
import { SqlAssessmentKnowledge } from './infrastructure/knowledge/sql-assessment-knowledge';
import { ResultReadModel } from './infrastructure/read-model/result-read-model';

/** The assessment context: results of partner universities' registrars, one at a time or as a CSV/JSON upload. */
export const ASSESSMENT_SERVICE = defineContext({
  name: 'assessment',
  description: "Assessment results published by partner universities' registrars",
  defaultPort: 3003,
  configSchema: AssessmentConfig,
  aggregates: AssessmentAggregates,
  controllers: [AssessmentResultsController],
  commandHandlers: ASSESSMENT_COMMAND_HANDLERS,
  queryHandlers: ASSESSMENT_QUERY_HANDLERS,
  providers: (runtime) => {
    const config = runtime.config;
    const settings: BatchSettings = {
      maxRows: config.ASSESSMENT_BATCH_MAX_ROWS,
      maxBytes: config.ASSESSMENT_BATCH_MAX_BYTES,
      concurrency: config.ASSESSMENT_BATCH_CONCURRENCY,
    };
    return [
      { provide: ASSESSMENT_ORM, useFactory: () => AssessmentDatabase.open(config) },
      { provide: BatchSettings, useValue: settings },
      { provide: AssessmentKnowledge, useFactory: (orm: ReadModelOrm) => new SqlAssessmentKnowledge(orm), inject: [ASSESSMENT_ORM] },
      { provide: MemberStandingSource, useFactory: (orm: ReadModelOrm) => MemberStandings.source(orm), inject: [ASSESSMENT_ORM] },
      {
        provide: ResultReadModel,
        useFactory: (orm: ReadModelOrm) => new ResultReadModel(runtime.eventStore, orm),
        inject: [ASSESSMENT_ORM],
      },
      { provide: ResultRecords, useExisting: ResultReadModel },
      BatchProgress,
      {
        provide: ASSESSMENT_INTEGRATION,
        useFactory: (orm: ReadModelOrm) => new AssessmentIntegration({ config, store: runtime.eventStore, bus: runtime.bus, orm }),
        inject: [ASSESSMENT_ORM],
      },
    ];
  },
  // The projection before requests, the relay and the consumer once the app is up; all stop before the store closes.
  lifecycle: { database: ASSESSMENT_ORM, readModel: ResultReadModel, background: ASSESSMENT_INTEGRATION },
});
