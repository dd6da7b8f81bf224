import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actingMemberOf, requireActingFor } from '../../acting-for';
import { EnrolmentAggregates } from '../../enrolment-aggregates';
import { requireReadable } from '../../read-access';
import { EnrolmentKnowledge } from '../../ports/enrolment-knowledge.port';
import { EnrolmentRecords } from '../../ports/enrolment-records.port';
import { WithdrawEnrolmentCommand } from './withdraw-enrolment.command';

@CommandHandler(WithdrawEnrolmentCommand)
export class WithdrawEnrolmentHandler implements ICommandHandler<WithdrawEnrolmentCommand> {
  constructor(
    private readonly aggregates: EnrolmentAggregates,
    private readonly records: EnrolmentRecords,
    private readonly knowledge: EnrolmentKnowledge,
  ) {}

  async execute(command: WithdrawEnrolmentCommand): Promise<void> {
    // One the actor may not even read is one that does not exist, for them.
    const enrolment = requireReadable(command.actor, await this.records.get(command.enrolmentId), command.enrolmentId);
    // Learners may withdraw themselves; otherwise the enrolling institution (or the alliance) does.
    const self = command.actor.role === 'learner' && command.actor.subject === enrolment.learnerId;
    if (!self) requireActingFor(command.actor, enrolment.institutionId);
    const actingMember = await actingMemberOf(command.actor, this.knowledge);
    await this.aggregates.learner.handle(
      enrolment.learnerId,
      { type: 'Withdraw', enrolmentId: enrolment.enrolmentId, reason: command.reason, ...(actingMember ? { actingMember } : {}) },
      command.commandContext(),
    );
  }
}
