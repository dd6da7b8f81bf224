import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RegistryLoader } from '../../registry-loader';
import { DraftCredentialSpecCommand } from './draft-credential-spec.command';

@CommandHandler(DraftCredentialSpecCommand)
export class DraftCredentialSpecHandler implements ICommandHandler<DraftCredentialSpecCommand> {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly registry: RegistryLoader,
  ) {}

  /** Returns the id of the new definition. */
  async execute(command: DraftCredentialSpecCommand): Promise<string> {
    const credentialSpecId = uuidv7();
    const registry = await this.registry.forDefinitions(command.definition);
    await this.aggregates.credentialSpec.handle(
      credentialSpecId,
      { type: 'DraftCredentialSpec', credentialSpecId, definition: command.definition, registry },
      command.commandContext(),
    );
    return credentialSpecId;
  }
}
