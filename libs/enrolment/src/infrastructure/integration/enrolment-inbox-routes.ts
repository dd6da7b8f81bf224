import {
  contractHandler,
  createContractRegistry,
  credentialIssuedV1,
  credentialReinstatedV1,
  credentialRevokedV1,
  credentialSpecPublishedV1,
  credentialSpecRetiredV1,
  credentialSuspendedV1,
  on,
} from '@alliance/contracts';
import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { MessageHandler } from '@alliance/messaging';
import type { CommandBus } from '@nestjs/cqrs';
import { CompleteEnrolmentCommand } from '../../application/commands/complete-enrolment';
import { EnrolmentDatabase } from '../enrolment-database';
import { MemberStandings } from '../knowledge/knowledge-rows';
import { knowledgeUpdates } from '../knowledge/knowledge-updates';

/** The contexts whose events enrolment consumes. */
export const ENROLMENT_SOURCES = ['catalogue', 'issuance'];

/**
 * What enrolment does with other contexts' events: definitions, members' standing and held credentials go to the knowledge
 * tables through the inbox (exactly once, in one transaction); an issued credential also completes the
 * enrolment it was earned in.
 */
export function enrolmentMessageHandler(orm: ReadModelOrm, commands: CommandBus): MessageHandler {
  const inbox = EnrolmentDatabase.throughInbox(orm);

  return contractHandler(createContractRegistry(), [
    on(credentialSpecPublishedV1, (m) => inbox(m, knowledgeUpdates.specPublished)),
    on(credentialSpecRetiredV1, (m) => inbox(m, knowledgeUpdates.specRetired)),
    // Membership: a suspended or removed member's staff may no longer enrol, withdraw, transfer or erase.
    ...MemberStandings.routes(inbox),
    on(credentialIssuedV1, async (m) => {
      // The command is idempotent, so it runs before the inbox claim: a crash in between only repeats it.
      await commands.execute(
        CompleteEnrolmentCommand.create({
          learnerId: m.payload.learnerId,
          credentialSpecId: m.payload.credentialSpecId,
          credentialId: m.payload.credentialId,
          issuedAt: m.payload.issuedAt,
          actor: { subject: 'issuance', role: 'system' },
          correlationId: m.correlationId,
          causationId: m.eventId,
        }),
      );
      await inbox(m, knowledgeUpdates.credentialIssued);
    }),
    on(credentialRevokedV1, (m) => inbox(m, (em, p) => knowledgeUpdates.credentialStatus(em, p, 'revoked'))),
    on(credentialSuspendedV1, (m) => inbox(m, (em, p) => knowledgeUpdates.credentialStatus(em, p, 'suspended'))),
    on(credentialReinstatedV1, (m) => inbox(m, (em, p) => knowledgeUpdates.credentialStatus(em, p, 'issued'))),
  ]);
}
