import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RetireCredentialSpecCommand } from './retire-credential-spec.command';

@CommandHandler(RetireCredentialSpecCommand)
export class RetireCredentialSpecHandler implements ICommandHandler<RetireCredentialSpecCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: RetireCredentialSpecCommand): Promise<void> {
    const { credentialSpecId, version, reason } = command;
    await this.aggregates.credentialSpec.handle(
      credentialSpecId,
      { type: 'RetireCredentialSpec', reason, ...(version !== undefined ? { version } : {}) },
      command.commandContext(),
    );
  }
}
