import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException, violation } from '../issuance.exception';
import { requireMemberMayAct } from '../knowledge/member-standing';
import type { FinalRevocationCommand } from './final-revocation.commands';
import type { FinalRevocationEvent } from './final-revocation.events';
import { evolveFinalRevocation, type FinalRevocationState, initialFinalRevocationState } from './final-revocation.state';

const MAX_REASON = 1000;

/**
 * One learner and one definition: whether a credential revoked for good still bars a new one. Recording is
 * idempotent (the revocation handler and the process manager may both ask); lifting is an admin's decision of
 * an awarding body of the revoked credential, recorded with who decided and why.
 */
export function decideFinalRevocation(
  command: FinalRevocationCommand,
  state: FinalRevocationState,
  context: DecisionContext,
): FinalRevocationEvent[] {
  switch (command.type) {
    case 'RecordFinalRevocation': {
      if (state?.history.includes(command.credentialId)) return [];
      const { type: _t, ...data } = command;
      return [{ type: 'FinalRevocationRecorded', data: { ...data, recordedAt: context.now.toISOString() } }];
    }
    case 'LiftFinalRevocation': {
      if (state && !state.awardingBodies.includes(command.by.institutionId)) {
        throw new IssuanceException(
          'issuance.final-revocation.not-awarding-body',
          'only an admin of one of the awarding bodies of the revoked credential may lift its final revocation',
        );
      }
      requireMemberMayAct(command.by.institutionId, command.by.standing);
      if (!state || state.credentialId !== command.credentialId) {
        throw new IssuanceException(
          'issuance.final-revocation.none',
          `credential ${command.credentialId} does not stand revoked for good; there is nothing to lift`,
          'credentialId',
        );
      }
      if (state.lifted) {
        throw new IssuanceException(
          'issuance.final-revocation.already-lifted',
          `the final revocation of credential ${state.credentialId} was lifted on ${state.lifted.liftedAt}`,
        );
      }
      const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
      if (!reason || reason.length > MAX_REASON) {
        throw IssuanceException.invalid([
          violation(
            'reason',
            'final-revocation.reason-required',
            `lifting a final revocation needs a reason of 1 to ${MAX_REASON} characters`,
          ),
        ]);
      }
      const { learnerId, specId, credentialId } = state;
      return [
        {
          type: 'FinalRevocationLifted',
          data: {
            learnerId,
            specId,
            credentialId,
            liftedBy: { subject: context.actor.subject, institutionId: command.by.institutionId },
            reason,
            liftedAt: context.now.toISOString(),
          },
        },
      ];
    }
  }
}

export const finalRevocationDecider = defineDecider({
  decide: decideFinalRevocation,
  evolve: evolveFinalRevocation,
  initialState: initialFinalRevocationState,
});
