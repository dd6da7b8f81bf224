import { type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { type ServiceConfig } from '@alliance/nest-kit';
import { knowledgeDatabase } from '@alliance/service-runtime';
import { HeldCredentialRows, KNOWLEDGE_VERSION, MemberStandings, SpecVersionRows } from './knowledge/knowledge-rows';

export const READ_MODEL_SCHEMA = 'enrolment_read';
/** The learner key table's name in the service database (distributed; embedded keys live in their own file). */
export const LEARNER_KEY_TABLE = 'enrolment_learner_keys';

const ENROLMENT_DATABASE = knowledgeDatabase('enrolment', READ_MODEL_SCHEMA, [
  SpecVersionRows.entity(KNOWLEDGE_VERSION),
  HeldCredentialRows.entity(KNOWLEDGE_VERSION),
  MemberStandings.entity,
]);
export const ENROLMENT_INBOX = ENROLMENT_DATABASE.inbox;

/** PGlite under DATA_DIR/enrolment/read-model when embedded; the service's own schema of DATABASE_URL when distributed. */
export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return ENROLMENT_DATABASE.location(config);
}

/**
 * Opens the service's database with the tables that are not projections: the knowledge
 * fed by other contexts and the inbox. Projection tables are created by their runners.
 */
export function openEnrolmentDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  return ENROLMENT_DATABASE.open(config);
}
