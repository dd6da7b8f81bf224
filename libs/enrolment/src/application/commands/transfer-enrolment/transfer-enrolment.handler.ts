import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actingMemberOf, requireActingFor } from '../../acting-for';
import { EnrolmentAggregates } from '../../enrolment-aggregates';
import { requireReadable } from '../../read-access';
import { EnrolmentKnowledge } from '../../ports/enrolment-knowledge.port';
import { EnrolmentRecords } from '../../ports/enrolment-records.port';
import { TransferEnrolmentCommand } from './transfer-enrolment.command';

@CommandHandler(TransferEnrolmentCommand)
export class TransferEnrolmentHandler implements ICommandHandler<TransferEnrolmentCommand> {
  constructor(
    private readonly aggregates: EnrolmentAggregates,
    private readonly records: EnrolmentRecords,
    private readonly knowledge: EnrolmentKnowledge,
  ) {}

  async execute(command: TransferEnrolmentCommand): Promise<void> {
    // One the actor may not even read is one that does not exist, for them.
    const enrolment = requireReadable(command.actor, await this.records.get(command.enrolmentId), command.enrolmentId);
    requireActingFor(command.actor, enrolment.institutionId);
    const target = await this.knowledge.specVersion(enrolment.credentialSpecId, command.toVersion);
    const actingMember = await actingMemberOf(command.actor, this.knowledge);
    await this.aggregates.learner.handle(
      enrolment.learnerId,
      {
        type: 'Transfer',
        enrolmentId: enrolment.enrolmentId,
        target,
        ...(command.toVersion ? { toVersion: command.toVersion } : {}),
        reason: command.reason,
        ...(actingMember ? { actingMember } : {}),
      },
      command.commandContext(),
    );
  }
}
