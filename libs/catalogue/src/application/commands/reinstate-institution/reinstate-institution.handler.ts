import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { ReinstateInstitutionCommand } from './reinstate-institution.command';

@CommandHandler(ReinstateInstitutionCommand)
export class ReinstateInstitutionHandler implements ICommandHandler<ReinstateInstitutionCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: ReinstateInstitutionCommand): Promise<void> {
    await this.aggregates.institution.handle(command.institutionId, { type: 'ReinstateInstitution' }, command.commandContext());
  }
}
