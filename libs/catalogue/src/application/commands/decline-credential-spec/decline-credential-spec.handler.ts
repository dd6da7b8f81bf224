import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { decidingInstitution } from '../deciding-institution';
import { DeclineCredentialSpecCommand } from './decline-credential-spec.command';

@CommandHandler(DeclineCredentialSpecCommand)
export class DeclineCredentialSpecHandler implements ICommandHandler<DeclineCredentialSpecCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: DeclineCredentialSpecCommand): Promise<void> {
    const { institutionId, status: declinerStatus } = await decidingInstitution(this.aggregates, command, 'decline');
    await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'DeclineCredentialSpec', institutionId, declinerStatus, reason: command.reason },
      command.commandContext(),
    );
  }
}
