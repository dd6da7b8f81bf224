import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { ServiceRuntime } from '@alliance/nest-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { CompleteEnrolmentHandler, ENROLMENT_COMMAND_HANDLERS } from './application/commands';
import { LearnerAggregates } from './application/learner-aggregates';
import { EnrolmentKnowledge } from './application/ports/enrolment-knowledge.port';
import { EnrolmentRecords } from './application/ports/enrolment-records.port';
import { ENROLMENT_QUERY_HANDLERS } from './application/queries';
import type { EnrolmentConfig } from './enrolment.config';
import { ENROLMENT_INTEGRATION, ENROLMENT_ORM } from './enrolment.tokens';
import { EnrolmentsController } from './http/enrolments.controller';
import { LearnersController } from './http/learners.controller';
import { openEnrolmentDatabase } from './infrastructure/enrolment-database';
import { EnrolmentLifecycle } from './infrastructure/enrolment-lifecycle';
import { EnrolmentIntegration } from './infrastructure/integration/enrolment-integration';
import { SqlEnrolmentKnowledge } from './infrastructure/knowledge/sql-enrolment-knowledge';
import { loadKeyEncryptionKey } from './infrastructure/personal-data/key-encryption-key';
import { LearnerKeyTable } from './infrastructure/personal-data/learner-keys.port';
import { PersonalDataVault } from './infrastructure/personal-data/personal-data-vault';
import { SqlLearnerKeyTable } from './infrastructure/personal-data/sql-learner-key-table';
import { EnrolmentReadModel } from './infrastructure/read-model/enrolment-read-model';

/** The enrolment bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class EnrolmentModule {
  static forRoot(runtime: ServiceRuntime<EnrolmentConfig>): DynamicModule {
    const config = runtime.config;
    return {
      module: EnrolmentModule,
      controllers: [EnrolmentsController, LearnersController],
      providers: [
        { provide: ENROLMENT_ORM, useFactory: () => openEnrolmentDatabase(config) },
        { provide: LearnerKeyTable, useFactory: (orm: ReadModelOrm) => new SqlLearnerKeyTable(orm), inject: [ENROLMENT_ORM] },
        {
          provide: PersonalDataVault,
          useFactory: async (keys: LearnerKeyTable, orm: ReadModelOrm) => new PersonalDataVault(keys, await loadKeyEncryptionKey(config, orm)),
          inject: [LearnerKeyTable, ENROLMENT_ORM],
        },
        { provide: EnrolmentKnowledge, useFactory: (orm: ReadModelOrm) => new SqlEnrolmentKnowledge(orm), inject: [ENROLMENT_ORM] },
        { provide: EnrolmentReadModel, useFactory: (orm: ReadModelOrm) => new EnrolmentReadModel(runtime.eventStore, orm), inject: [ENROLMENT_ORM] },
        { provide: EnrolmentRecords, useExisting: EnrolmentReadModel },
        LearnerAggregates,
        ...ENROLMENT_COMMAND_HANDLERS,
        ...ENROLMENT_QUERY_HANDLERS,
        {
          provide: ENROLMENT_INTEGRATION,
          useFactory: (orm: ReadModelOrm, vault: PersonalDataVault, completeHandler: CompleteEnrolmentHandler) =>
            new EnrolmentIntegration({ config, store: runtime.eventStore, bus: runtime.bus, orm, vault, completeHandler }),
          inject: [ENROLMENT_ORM, PersonalDataVault, CompleteEnrolmentHandler],
        },
        EnrolmentLifecycle,
      ],
    };
  }
}
