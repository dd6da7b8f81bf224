import {
  contractHandler,
  createContractRegistry,
  credentialSpecPublishedV1,
  institutionActivatedV1,
  institutionKeyAddedV1,
  institutionKeyRevokedV1,
  institutionKeyRotatedV1,
  institutionRegisteredV1,
  institutionReinstatedV1,
  institutionRemovedV1,
  institutionSuspendedV1,
  learnerEnrolledV1,
  learnerErasedV1,
  learnerTransferredV1,
  learnerWithdrawnV1,
  on,
  resultAmendedV1,
  resultRecordedV1,
} from '@alliance/contracts';
import { forkEntityManager, type ReadModelOrm } from '@alliance/event-sourcing';
import { type IntegrationMessage, type MessageHandler, MikroOrmInbox } from '@alliance/messaging';
import type { AwardProcess } from '../../application/process/award-process';
import type { CatalogueFacts } from '../../application/process/catalogue-facts';
import type { LearnerErasure } from '../../application/process/learner-erasure';
import { processContext } from '../../application/process/process-context';
import { ISSUANCE } from '../issuance-database';

/** The contexts whose events issuance consumes. */
export const ISSUANCE_SOURCES = ['catalogue', 'enrolment', 'assessment'];
export const ISSUANCE_INBOX = new MikroOrmInbox(ISSUANCE);

/**
 * Routes other contexts' events to the process manager. Each is applied once (the inbox claims its event id
 * in the read model database); the effects go to issuance's own streams, whose decisions are idempotent, so
 * a crash between the two only repeats a decision that changes nothing.
 */
export function issuanceMessageHandler(
  orm: ReadModelOrm,
  facts: CatalogueFacts,
  awards: AwardProcess,
  erasure: LearnerErasure,
): MessageHandler {
  const once = <T>(message: IntegrationMessage<T>, apply: (payload: T, context: ReturnType<typeof processContext>) => Promise<void>) =>
    ISSUANCE_INBOX.handle(forkEntityManager(orm), message, () => apply(message.payload, processContext(message))).then(() => undefined);

  return contractHandler(createContractRegistry(), [
    on(credentialSpecPublishedV1, (m) => once(m, (p, c) => facts.specPublished(p, c))),
    on(institutionRegisteredV1, (m) => once(m, (p, c) => facts.institutionRegistered(p, c))),
    on(institutionKeyAddedV1, (m) => once(m, (p, c) => facts.keyAdded(p.institutionId, p.key, c))),
    on(institutionKeyRotatedV1, (m) => once(m, (p, c) => facts.keyRotated(p, c))),
    on(institutionKeyRevokedV1, (m) => once(m, (p, c) => facts.keyRevoked(p, c))),
    on(institutionActivatedV1, (m) => once(m, (p, c) => facts.membershipChanged(p.institutionId, 'active', p.activatedAt, undefined, c))),
    on(institutionSuspendedV1, (m) => once(m, (p, c) => facts.membershipChanged(p.institutionId, 'suspended', p.suspendedAt, p.reason, c))),
    on(institutionReinstatedV1, (m) => once(m, (p, c) => facts.membershipChanged(p.institutionId, 'active', p.reinstatedAt, undefined, c))),
    on(institutionRemovedV1, (m) => once(m, (p, c) => facts.membershipChanged(p.institutionId, 'removed', p.removedAt, p.reason, c))),
    on(learnerEnrolledV1, (m) => once(m, (p, c) => awards.enrolled(p, c))),
    on(learnerWithdrawnV1, (m) => once(m, (p, c) => awards.withdrawn(p, c))),
    // Erasure is idempotent by itself and reads the read models, which the inbox's open transaction would block
    // (one connection on PGlite): applied first, then recorded in the inbox.
    on(learnerErasedV1, async (m) => {
      await erasure.erased(m.payload, processContext(m));
      await once(m, async () => undefined);
    }),
    on(learnerTransferredV1, (m) => once(m, (p, c) => awards.transferred(p, c))),
    on(resultRecordedV1, (m) => once(m, (p, c) => awards.result(p, c))),
    on(resultAmendedV1, (m) => once(m, (p, c) => awards.result(p, c))),
  ]);
}
