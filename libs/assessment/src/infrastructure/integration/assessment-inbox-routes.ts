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
import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { MessageHandler } from '@alliance/messaging';
import { AssessmentDatabase } from '../assessment-database';
import { MemberStandings } from '../knowledge/knowledge-rows';
import { knowledgeUpdates } from '../knowledge/knowledge-updates';

/** The contexts whose events assessment consumes. */
export const ASSESSMENT_SOURCES = ['catalogue', 'enrolment'];

/**
 * Definitions (component owners, grading schemes), members' standing and enrolments go to the knowledge tables through the
 * inbox: exactly once, in one transaction. The learner's name is not needed here and is not kept.
 */
export function assessmentMessageHandler(orm: ReadModelOrm): MessageHandler {
  const inbox = AssessmentDatabase.throughInbox(orm);

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
