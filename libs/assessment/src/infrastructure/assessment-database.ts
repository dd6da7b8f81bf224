import { type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { type ServiceConfig } from '@alliance/nest-kit';
import { knowledgeDatabase } from '@alliance/service-runtime';
import { EnrolmentRows, KNOWLEDGE_VERSION, MemberStandings, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'assessment_read';

const ASSESSMENT_DATABASE = knowledgeDatabase('assessment', READ_MODEL_SCHEMA, [
  SpecVersionRows.entity(KNOWLEDGE_VERSION),
  EnrolmentRows.entity(KNOWLEDGE_VERSION),
  MemberStandings.entity,
]);
export const ASSESSMENT_INBOX = ASSESSMENT_DATABASE.inbox;

/** PGlite under DATA_DIR/assessment/read-model when embedded; the service's own schema of DATABASE_URL when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return ASSESSMENT_DATABASE.location(config);
}

/** Opens the service's database with the knowledge fed by other contexts and the inbox; projections create their own tables. */
export function openAssessmentDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  return ASSESSMENT_DATABASE.open(config);
}
