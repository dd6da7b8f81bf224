import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ErasureRequester, requireMayErase } from '../../../domain/learner/learner-control.rules';
import { requireMemberMayAct } from '../../../domain/member-standing';
import { IdentityVault } from '../../personal-data/identity-vault';
import { actingMemberOf } from '../../acting-for';
import type { CommandActor } from '../../base.command';
import { EnrolmentAggregates } from '../../enrolment-aggregates';
import { EnrolmentKnowledge } from '../../ports/enrolment-knowledge.port';
import { EraseLearnerCommand, type ErasureOutcome } from './erase-learner.command';

@CommandHandler(EraseLearnerCommand)
export class EraseLearnerHandler implements ICommandHandler<EraseLearnerCommand> {
  constructor(
    private readonly aggregates: EnrolmentAggregates,
    private readonly vault: IdentityVault,
    private readonly knowledge: EnrolmentKnowledge,
  ) {}

  async execute(command: EraseLearnerCommand): Promise<ErasureOutcome> {
    const { state } = await this.aggregates.learner.load(command.learnerId);
    requireMayErase(state, command.learnerId, requesterOf(command.actor));
    const actingMember = await actingMemberOf(command.actor, this.knowledge);
    // Asked before the key goes: the decider asks again, but by then the vault would already have acted.
    requireMemberMayAct(actingMember);
    if (state.erased) return { learnerId: command.learnerId, erased: true, newlyErased: false, withdrawnEnrolmentIds: [] };
    // Key first: once it is gone the person is erased, whatever happens next; a retry then only records it.
    await this.vault.erase(command.learnerId);
    const { events } = await this.aggregates.learner.handle(
      command.learnerId,
      { type: 'Erase', reason: command.reason, ...(actingMember ? { actingMember } : {}) },
      command.commandContext(),
    );
    const withdrawn = events.flatMap((e) => (e.type === 'EnrolmentWithdrawn' ? [e.data.enrolmentId] : []));
    return { learnerId: command.learnerId, erased: true, newlyErased: true, withdrawnEnrolmentIds: withdrawn };
  }
}

function requesterOf(actor: CommandActor): ErasureRequester {
  if (actor.role === 'alliance-admin') return { kind: 'alliance' };
  if (actor.role === 'learner') return { kind: 'learner', learnerId: actor.subject };
  return { kind: 'institution', institutionId: actor.institution ?? '', mayErase: actor.role === 'institution-admin' };
}
