import { learnerCompletedV1, learnerEnrolledV1, learnerErasedV1, learnerTransferredV1, learnerWithdrawnV1 } from '@alliance/contracts';
import type { RecordedEvent } from '@alliance/event-sourcing';
import { envelopeOf, type IntegrationMessage } from '@alliance/messaging';
import type { LearnerEvent } from '../../domain/learner/learner.events';
import type { OpenedIdentity } from '../../application/personal-data/identity-vault';
import { OPENED_IDENTITY } from './identity-opening-store';

/** Shown instead of a name once the learner is erased (the contract requires a non-empty name). */
export const ERASED_NAME = '(erased)';

/** The enrolment a withdrawal or completion is about, as the contracts state it. */
const enrolmentOf = (d: { enrolmentId: string; learnerId: string; credentialSpecId: string; specVersion: number }) => ({
  enrolmentId: d.enrolmentId,
  learnerId: d.learnerId,
  credentialSpecId: d.credentialSpecId,
  specVersion: d.specVersion,
});

/** The enrolment context's domain events as the integration events other contexts consume. */
export function mapEnrolmentEvent(recorded: RecordedEvent): IntegrationMessage | null {
  const event = { type: recorded.type, data: recorded.data } as LearnerEvent;
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'LearnerEnrolled': {
      const d = event.data;
      const identity = (recorded.data as Record<string, unknown>)[OPENED_IDENTITY] as OpenedIdentity | undefined;
      const known = identity && !identity.erased ? identity : undefined;
      return learnerEnrolledV1.message(
        {
          enrolmentId: d.enrolmentId,
          learnerId: d.learnerId,
          learner: {
            learnerId: d.learnerId,
            name: known ? `${known.givenName} ${known.familyName}` : ERASED_NAME,
            ...(known?.email ? { email: known.email } : {}),
          },
          credentialSpecId: d.credentialSpecId,
          specVersion: d.specVersion,
          institutionId: d.institutionId,
          enrolledAt: d.enrolledAt,
        },
        envelope,
      );
    }
    case 'EnrolmentWithdrawn': {
      const d = event.data;
      return learnerWithdrawnV1.message({ ...enrolmentOf(d), reason: d.reason, withdrawnAt: d.withdrawnAt }, envelope);
    }
    case 'EnrolmentCompleted': {
      const d = event.data;
      return learnerCompletedV1.message({ ...enrolmentOf(d), completedAt: d.completedAt }, envelope);
    }
    case 'EnrolmentTransferred': {
      const d = event.data;
      return learnerTransferredV1.message(
        {
          enrolmentId: d.enrolmentId,
          learnerId: d.learnerId,
          from: { credentialSpecId: d.credentialSpecId, specVersion: d.fromVersion },
          to: { credentialSpecId: d.credentialSpecId, specVersion: d.toVersion },
          reason: d.reason,
          transferredAt: d.transferredAt,
        },
        envelope,
      );
    }
    case 'LearnerErased':
      return learnerErasedV1.message({ learnerId: event.data.learnerId, erasedAt: event.data.erasedAt }, envelope);
    default:
      return null;
  }
}
