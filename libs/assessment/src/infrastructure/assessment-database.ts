import { ensureReadModelTables, forkEntityManager, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { MikroOrmInbox } from '@alliance/messaging';
import { type ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel, serviceReadModelLocation, type ServiceReadModelSpec } from '@alliance/service-runtime';
import { EnrolmentRows, KNOWLEDGE_VERSION, MemberStandingRows, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'assessment_read';
export const ASSESSMENT_INBOX = new MikroOrmInbox('assessment');

/** Every pooled connection is pinned to the service's schema, so the kernel's unqualified SQL (projection tables, checkpoints, inbox) stays there. */
const ASSESSMENT_READ_MODEL: ServiceReadModelSpec = { service: 'assessment', schema: READ_MODEL_SCHEMA, pinning: 'connection' };

/** PGlite under DATA_DIR/assessment/read-model when embedded; the service's own schema of DATABASE_URL when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return serviceReadModelLocation(config, ASSESSMENT_READ_MODEL);
}

/** Opens the service's database with the knowledge fed by other contexts and the inbox; projections create their own tables. */
export function openAssessmentDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  return openServiceReadModel(config, {
    ...ASSESSMENT_READ_MODEL,
    prepare: async (orm) => {
      await ensureReadModelTables(orm, [
        SpecVersionRows.entity(KNOWLEDGE_VERSION),
        EnrolmentRows.entity(KNOWLEDGE_VERSION),
        MemberStandingRows.entity(KNOWLEDGE_VERSION),
      ]);
      await ASSESSMENT_INBOX.ensureTable(forkEntityManager(orm));
    },
  });
}
