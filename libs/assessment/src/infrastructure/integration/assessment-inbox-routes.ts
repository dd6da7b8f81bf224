import {
  contractHandler,
  createContractRegistry,
  credentialSpecPublishedV1,
  learnerCompletedV1,
  learnerEnrolledV1,
  learnerTransferredV1,
  learnerWithdrawnV1,
  on,
} from '@alliance/contracts';
import { forkEntityManager, type ReadModelOrm } from '@alliance/event-sourcing';
import type { IntegrationMessage, MessageHandler } from '@alliance/messaging';
import type { EntityManager } from '@mikro-orm/sql';
import { ASSESSMENT_INBOX } from '../assessment-database';
import { MemberStandings } from '../knowledge/knowledge-rows';
import { knowledgeUpdates } from '../knowledge/knowledge-updates';

/** The contexts whose events assessment consumes. */
export const ASSESSMENT_SOURCES = ['catalogue', 'enrolment'];

/**
 * Definitions (component owners, grading schemes), members' standing and enrolments go to the knowledge tables through the
 * inbox: exactly once, in one transaction. The learner's name is not needed here and is not kept.
 */
export function assessmentMessageHandler(orm: ReadModelOrm): MessageHandler {
  const inbox = <T>(message: IntegrationMessage<T>, apply: (em: EntityManager, payload: T) => Promise<void>) =>
    ASSESSMENT_INBOX.handle(forkEntityManager(orm), message, (tx) => apply(tx, message.payload)).then(() => undefined);

  return contractHandler(createContractRegistry(), [
    on(credentialSpecPublishedV1, (m) => inbox(m, knowledgeUpdates.specPublished)),
    // Membership: a suspended or removed member's registrars may no longer publish or amend results.
    ...MemberStandings.routes(inbox),
    on(learnerEnrolledV1, (m) => inbox(m, knowledgeUpdates.learnerEnrolled)),
    on(learnerWithdrawnV1, (m) => inbox(m, knowledgeUpdates.learnerWithdrawn)),
    on(learnerCompletedV1, (m) => inbox(m, knowledgeUpdates.learnerCompleted)),
    on(learnerTransferredV1, (m) => inbox(m, knowledgeUpdates.learnerTransferred)),
  ]);
}
