import type { ReadModelOrm } from '@alliance/event-sourcing';
import { MemberStandingSource, memberStandingFrom } from '@alliance/nest-kit';
import { type ServiceRuntime } from '@alliance/service-runtime';
import { type DynamicModule, Module } from '@nestjs/common';
import { AssessmentAggregates } from './application/assessment-aggregates';
import { BatchProgress } from './application/batch/batch-progress';
import { BatchSettings } from './application/batch/batch-settings';
import { ASSESSMENT_COMMAND_HANDLERS } from './application/commands';
import { AssessmentKnowledge } from './application/ports/assessment-knowledge.port';
import { ResultRecords } from './application/ports/result-records.port';
import { ASSESSMENT_QUERY_HANDLERS } from './application/queries';
import type { AssessmentConfig } from './assessment.config';
import { ASSESSMENT_INTEGRATION, ASSESSMENT_ORM } from './assessment.tokens';
import { AssessmentResultsController } from './http/assessment-results.controller';
import { openAssessmentDatabase } from './infrastructure/assessment-database';
import { AssessmentLifecycle } from './infrastructure/assessment-lifecycle';
import { AssessmentIntegration } from './infrastructure/integration/assessment-integration';
import { SqlAssessmentKnowledge } from './infrastructure/knowledge/sql-assessment-knowledge';
import { ResultReadModel } from './infrastructure/read-model/result-read-model';

/** The assessment bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class AssessmentModule {
  static forRoot(runtime: ServiceRuntime<AssessmentConfig>): DynamicModule {
    const config = runtime.config;
    const settings: BatchSettings = {
      maxRows: config.ASSESSMENT_BATCH_MAX_ROWS,
      maxBytes: config.ASSESSMENT_BATCH_MAX_BYTES,
      concurrency: config.ASSESSMENT_BATCH_CONCURRENCY,
    };
    return {
      module: AssessmentModule,
      controllers: [AssessmentResultsController],
      providers: [
        { provide: ASSESSMENT_ORM, useFactory: () => openAssessmentDatabase(config) },
        { provide: BatchSettings, useValue: settings },
        { provide: AssessmentKnowledge, useFactory: (orm: ReadModelOrm) => new SqlAssessmentKnowledge(orm), inject: [ASSESSMENT_ORM] },
        {
          provide: MemberStandingSource,
          useFactory: (k: AssessmentKnowledge) => memberStandingFrom(async (id) => (await k.memberStanding(id)).status),
          inject: [AssessmentKnowledge],
        },
        {
          provide: ResultReadModel,
          useFactory: (orm: ReadModelOrm) => new ResultReadModel(runtime.eventStore, orm),
          inject: [ASSESSMENT_ORM],
        },
        { provide: ResultRecords, useExisting: ResultReadModel },
        AssessmentAggregates,
        BatchProgress,
        ...ASSESSMENT_COMMAND_HANDLERS,
        ...ASSESSMENT_QUERY_HANDLERS,
        {
          provide: ASSESSMENT_INTEGRATION,
          useFactory: (orm: ReadModelOrm) => new AssessmentIntegration({ config, store: runtime.eventStore, bus: runtime.bus, orm }),
          inject: [ASSESSMENT_ORM],
        },
        AssessmentLifecycle,
      ],
    };
  }
}
