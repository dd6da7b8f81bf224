import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EnrolmentException } from '../../../domain/enrolment.exception';
import { EnrolmentAggregates } from '../../enrolment-aggregates';
import { EnrolmentKnowledge } from '../../ports/enrolment-knowledge.port';
import { AuthoriseInstitutionCommand, type InstitutionAuthorisation } from './authorise-institution.command';

@CommandHandler(AuthoriseInstitutionCommand)
export class AuthoriseInstitutionHandler implements ICommandHandler<AuthoriseInstitutionCommand> {
  constructor(
    private readonly aggregates: EnrolmentAggregates,
    private readonly knowledge: EnrolmentKnowledge,
  ) {}

  async execute(command: AuthoriseInstitutionCommand): Promise<InstitutionAuthorisation> {
    // Only the learner themselves links their record to another institution; to anyone else it does not exist.
    if (command.actor.role !== 'learner' || command.actor.subject !== command.learnerId)
      throw new EnrolmentException('enrolment.learner-not-found', `No learner ${command.learnerId}.`, 'learnerId');
    const member = await this.knowledge.memberStanding(command.institutionId);
    if (member.status === 'removed') {
      throw new EnrolmentException(
        'enrolment.institution-not-member',
        `institution ${command.institutionId} is no longer a member of the alliance`,
        'institutionId',
      );
    }
    const { events } = await this.aggregates.learner.handle(
      command.learnerId,
      { type: 'AuthoriseInstitution', institutionId: command.institutionId },
      command.commandContext(),
    );
    return { learnerId: command.learnerId, institutionId: command.institutionId, newlyAuthorised: events.length > 0 };
  }
}
