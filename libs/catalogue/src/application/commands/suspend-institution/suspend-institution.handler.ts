import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { SuspendInstitutionCommand } from './suspend-institution.command';

@CommandHandler(SuspendInstitutionCommand)
export class SuspendInstitutionHandler implements ICommandHandler<SuspendInstitutionCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: SuspendInstitutionCommand): Promise<void> {
    await this.aggregates.institution.handle(
      command.institutionId,
      { type: 'SuspendInstitution', reason: command.reason },
      command.commandContext(),
    );
  }
}
