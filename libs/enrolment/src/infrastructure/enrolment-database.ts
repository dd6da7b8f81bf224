import { ensureReadModelTables, forkEntityManager, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { MikroOrmInbox } from '@alliance/messaging';
import { type ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel, serviceReadModelLocation, type ServiceReadModelSpec } from '@alliance/service-runtime';
import { HeldCredentialRows, KNOWLEDGE_VERSION, MemberStandingRows, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'enrolment_read';
/** The learner key table's name in the service database (distributed; embedded keys live in their own file). */
export const LEARNER_KEY_TABLE = 'enrolment_learner_keys';
export const ENROLMENT_INBOX = new MikroOrmInbox('enrolment');

/** Every pooled connection is pinned to the service's schema, so the kernel's unqualified SQL (projection tables, checkpoints, inbox) stays there. */
const ENROLMENT_READ_MODEL: ServiceReadModelSpec = { service: 'enrolment', schema: READ_MODEL_SCHEMA, pinning: 'connection' };

/** PGlite under DATA_DIR/enrolment/read-model when embedded; the service's own schema of DATABASE_URL when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return serviceReadModelLocation(config, ENROLMENT_READ_MODEL);
}

/**
 * Opens the service's database with the tables that are not projections: the knowledge
 * fed by other contexts and the inbox. Projection tables are created by their runners.
 */
export function openEnrolmentDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  return openServiceReadModel(config, {
    ...ENROLMENT_READ_MODEL,
    prepare: async (orm) => {
      await ensureReadModelTables(orm, [
        SpecVersionRows.entity(KNOWLEDGE_VERSION),
        HeldCredentialRows.entity(KNOWLEDGE_VERSION),
        MemberStandingRows.entity(KNOWLEDGE_VERSION),
      ]);
      await ENROLMENT_INBOX.ensureTable(forkEntityManager(orm));
    },
  });
}
