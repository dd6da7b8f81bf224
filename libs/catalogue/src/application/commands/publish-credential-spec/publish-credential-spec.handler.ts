import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueException } from '../../../domain/catalogue.exception';
import { latestVersion } from '../../../domain/credential-spec/credential-spec.state';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RegistryLoader } from '../../registry-loader';
import { PublishCredentialSpecCommand } from './publish-credential-spec.command';

@CommandHandler(PublishCredentialSpecCommand)
export class PublishCredentialSpecHandler implements ICommandHandler<PublishCredentialSpecCommand> {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly registry: RegistryLoader,
  ) {}

  async execute(command: PublishCredentialSpecCommand): Promise<void> {
    const current = await this.aggregates.credentialSpec.state(command.credentialSpecId);
    if (!current) throw new CatalogueException('catalogue.credential-spec-not-found', `No credential spec ${command.credentialSpecId}.`);
    // Members and stack parts are checked again against their streams as they are now.
    const registry = await this.registry.forDefinitions(latestVersion(current).definition);
    await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'PublishCredentialSpec', registry },
      command.commandContext(),
    );
  }
}
