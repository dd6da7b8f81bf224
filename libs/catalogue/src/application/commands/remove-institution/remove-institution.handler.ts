import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RemoveInstitutionCommand } from './remove-institution.command';

@CommandHandler(RemoveInstitutionCommand)
export class RemoveInstitutionHandler implements ICommandHandler<RemoveInstitutionCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: RemoveInstitutionCommand): Promise<void> {
    await this.aggregates.institution.handle(
      command.institutionId,
      { type: 'RemoveInstitution', reason: command.reason },
      command.commandContext(),
    );
  }
}
