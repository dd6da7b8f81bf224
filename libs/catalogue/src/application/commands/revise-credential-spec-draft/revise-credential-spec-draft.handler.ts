import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueException } from '../../../domain/catalogue.exception';
import type { CredentialSpecDefinition } from '../../../domain/credential-spec/definition';
import { latestVersion } from '../../../domain/credential-spec/credential-spec.state';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RegistryLoader } from '../../registry-loader';
import { ReviseCredentialSpecDraftCommand } from './revise-credential-spec-draft.command';

@CommandHandler(ReviseCredentialSpecDraftCommand)
export class ReviseCredentialSpecDraftHandler implements ICommandHandler<ReviseCredentialSpecDraftCommand> {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly registry: RegistryLoader,
  ) {}

  async execute(command: ReviseCredentialSpecDraftCommand): Promise<void> {
    const current = await this.aggregates.credentialSpec.state(command.credentialSpecId);
    if (!current) throw new CatalogueException('catalogue.credential-spec-not-found', `No credential spec ${command.credentialSpecId}.`);
    const definition = (
      command.mode === 'merge' ? { ...latestVersion(current).definition, ...command.definition } : command.definition
    ) as CredentialSpecDefinition;
    const registry = await this.registry.forDefinitions(definition);
    await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'ReviseCredentialSpecDraft', definition, registry },
      command.commandContext(),
    );
  }
}
