import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnrolmentAggregates } from '../../enrolment-aggregates';
import { CompleteEnrolmentCommand } from './complete-enrolment.command';

@CommandHandler(CompleteEnrolmentCommand)
export class CompleteEnrolmentHandler implements ICommandHandler<CompleteEnrolmentCommand> {
  constructor(private readonly aggregates: EnrolmentAggregates) {}

  async execute(command: CompleteEnrolmentCommand): Promise<void> {
    const { state } = await this.aggregates.learner.load(command.learnerId);
    // A credential for a learner this service never enrolled (e.g. a stack awarded from its parts) completes nothing.
    if (!state.learnerId) return;
    await this.aggregates.learner.handle(
      command.learnerId,
      {
        type: 'Complete',
        credentialSpecId: command.credentialSpecId,
        credentialId: command.credentialId,
        ...(command.enrolmentId ? { enrolmentId: command.enrolmentId } : {}),
        ...(command.issuedAt ? { issuedAt: new Date(command.issuedAt).toISOString() } : {}),
      },
      command.commandContext(),
    );
  }
}
