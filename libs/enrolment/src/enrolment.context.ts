import { LearnerKeyTable, loadKeyEncryptionKey, openLearnerKeyTable, type ReadModelOrm } from '@alliance/event-sourcing';
import { MemberStandingSource } from '@alliance/nest-kit';
import { defineContext } from '@alliance/service-runtime';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ENROLMENT_COMMAND_HANDLERS } from './application/commands';
import { EnrolmentAggregates } from './application/enrolment-aggregates';
import { EnrolmentKnowledge } from './application/ports/enrolment-knowledge.port';
import { EnrolmentRecords } from './application/ports/enrolment-records.port';
import { ENROLMENT_QUERY_HANDLERS } from './application/queries';
import { EnrolmentConfig } from './enrolment.config';
import { ENROLMENT_INTEGRATION, ENROLMENT_ORM } from './enrolment.tokens';
import { EnrolmentsController } from './http/enrolments.controller';
import { LearnersController } from './http/learners.controller';
import { LEARNER_KEY_TABLE, EnrolmentDatabase } from './infrastructure/enrolment-database';
import { EnrolmentIntegration } from './infrastructure/integration/enrolment-integration';
import { MemberStandings } from './infrastructure/knowledge/knowledge-rows';
import { SqlEnrolmentKnowledge } from './infrastructure/knowledge/sql-enrolment-knowledge';
import { IdentityVault } from './application/personal-data/identity-vault';
import { EnrolmentReadModel } from './infrastructure/read-model/enrolment-read-model';

/** The enrolment context: learners' enrolments in joint micro-credentials, their identity sealed (crypto-shredding). */
export const ENROLMENT_SERVICE = defineContext({
  name: 'enrolment',
  description: 'Learner enrolments in published credential definitions, consent and erasure',
  defaultPort: 3002,
  configSchema: EnrolmentConfig,
  aggregates: EnrolmentAggregates,
  controllers: [EnrolmentsController, LearnersController],
  commandHandlers: ENROLMENT_COMMAND_HANDLERS,
  queryHandlers: ENROLMENT_QUERY_HANDLERS,
  providers: (runtime) => {
    const config = runtime.config;
    return [
      { provide: ENROLMENT_ORM, useFactory: () => EnrolmentDatabase.open(config) },
      {
        provide: LearnerKeyTable,
        useFactory: (orm: ReadModelOrm) => openLearnerKeyTable(config, { service: 'enrolment', orm, table: LEARNER_KEY_TABLE }),
        inject: [ENROLMENT_ORM],
      },
      {
        provide: IdentityVault,
        useFactory: async (keys: LearnerKeyTable, orm: ReadModelOrm) =>
          new IdentityVault(
            keys,
            await loadKeyEncryptionKey(config, { service: 'enrolment', orm, warn: (m) => new Logger('PersonalData').warn(m) }),
          ),
        inject: [LearnerKeyTable, ENROLMENT_ORM],
      },
      { provide: EnrolmentKnowledge, useFactory: (orm: ReadModelOrm) => new SqlEnrolmentKnowledge(orm), inject: [ENROLMENT_ORM] },
      { provide: MemberStandingSource, useFactory: (orm: ReadModelOrm) => MemberStandings.source(orm), inject: [ENROLMENT_ORM] },
      {
        provide: EnrolmentReadModel,
        useFactory: (orm: ReadModelOrm) => new EnrolmentReadModel(runtime.eventStore, orm),
        inject: [ENROLMENT_ORM],
      },
      { provide: EnrolmentRecords, useExisting: EnrolmentReadModel },
      {
        provide: ENROLMENT_INTEGRATION,
        useFactory: (orm: ReadModelOrm, vault: IdentityVault, commands: CommandBus) =>
          new EnrolmentIntegration({ config, store: runtime.eventStore, bus: runtime.bus, orm, vault, commands }),
        inject: [ENROLMENT_ORM, IdentityVault, CommandBus],
      },
    ];
  },
  // The projection before requests, the relay and the consumer once the app is up; all stop before the store closes.
  lifecycle: { database: ENROLMENT_ORM, readModel: EnrolmentReadModel, background: ENROLMENT_INTEGRATION },
});
