import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RevokeSigningKeyCommand } from './revoke-signing-key.command';

@CommandHandler(RevokeSigningKeyCommand)
export class RevokeSigningKeyHandler implements ICommandHandler<RevokeSigningKeyCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: RevokeSigningKeyCommand): Promise<void> {
    const { institutionId, keyId, reason, compromisedSince } = command;
    await this.aggregates.institution.handle(
      institutionId,
      { type: 'RevokeSigningKey', institutionId, keyId, reason, ...(compromisedSince !== undefined ? { compromisedSince } : {}) },
      command.commandContext(),
    );
  }
}
