import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueException } from '../../../domain/catalogue.exception';
import { latestVersion } from '../../../domain/credential-spec/credential-spec.state';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RegistryLoader } from '../../registry-loader';
import { DraftCredentialSpecVersionCommand } from './draft-credential-spec-version.command';

@CommandHandler(DraftCredentialSpecVersionCommand)
export class DraftCredentialSpecVersionHandler implements ICommandHandler<DraftCredentialSpecVersionCommand> {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly registry: RegistryLoader,
  ) {}

  /** Returns the number of the new version. */
  async execute(command: DraftCredentialSpecVersionCommand): Promise<number> {
    const current = await this.aggregates.credentialSpec.state(command.credentialSpecId);
    if (!current) throw new CatalogueException('catalogue.credential-spec-not-found', `No credential spec ${command.credentialSpecId}.`);
    const definition = { ...latestVersion(current).definition, ...command.changes };
    const registry = await this.registry.forDefinitions(definition);
    const { state } = await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'DraftCredentialSpecVersion', definition, registry },
      command.commandContext(),
    );
    return latestVersion(state!).version;
  }
}
