import { knowledgeDatabase } from '@alliance/service-runtime';
import { HeldCredentialRows, KNOWLEDGE_VERSION, MemberStandings, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'enrolment_read';
/** The learner key table's name in the service database (distributed; embedded keys live in their own file). */
export const LEARNER_KEY_TABLE = 'enrolment_learner_keys';

/**
 * PGlite under DATA_DIR/enrolment/read-model when embedded; the service's own schema of DATABASE_URL when distributed.
 * Opening it creates the tables that are not projections: the knowledge fed by other contexts and the inbox.
 */
export const EnrolmentDatabase = knowledgeDatabase('enrolment', READ_MODEL_SCHEMA, [
  SpecVersionRows.entity(KNOWLEDGE_VERSION),
  HeldCredentialRows.entity(KNOWLEDGE_VERSION),
  MemberStandings.entity,
]);
