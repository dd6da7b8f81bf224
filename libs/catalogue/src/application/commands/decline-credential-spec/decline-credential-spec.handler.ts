import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueException } from '../../../domain/catalogue.exception';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { DeclineCredentialSpecCommand } from './decline-credential-spec.command';

@CommandHandler(DeclineCredentialSpecCommand)
export class DeclineCredentialSpecHandler implements ICommandHandler<DeclineCredentialSpecCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: DeclineCredentialSpecCommand): Promise<void> {
    const institutionId = command.institutionId ?? command.actor.institution;
    if (!institutionId)
      throw new CatalogueException('catalogue.approval.no-institution', 'the token names no institution to decline for', 'institutionId');
    const declinerStatus = (await this.aggregates.institution.state(institutionId))?.status;
    await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'DeclineCredentialSpec', institutionId, declinerStatus, reason: command.reason },
      command.commandContext(),
    );
  }
}
