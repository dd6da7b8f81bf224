import { knowledgeDatabase } from '@alliance/service-runtime';
import { EnrolmentRows, KNOWLEDGE_VERSION, MemberStandings, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'assessment_read';

/**
 * PGlite under DATA_DIR/assessment/read-model when embedded; the service's own schema of DATABASE_URL when distributed.
 * Opening it creates the tables that are not projections: the knowledge fed by other contexts and the inbox.
 */
export const AssessmentDatabase = knowledgeDatabase('assessment', READ_MODEL_SCHEMA, [
  SpecVersionRows.entity(KNOWLEDGE_VERSION),
  EnrolmentRows.entity(KNOWLEDGE_VERSION),
  MemberStandings.entity,
]);
