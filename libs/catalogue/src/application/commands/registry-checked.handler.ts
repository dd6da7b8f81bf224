import { Injectable } from '@nestjs/common';
import { CatalogueException } from '../../domain/catalogue.exception';
import type { CredentialSpecCommand } from '../../domain/credential-spec/credential-spec.commands';
import { type CredentialSpec, latestVersion } from '../../domain/credential-spec/credential-spec.state';
import type { CredentialSpecDefinition } from '../../domain/credential-spec/definition';
import type { RegistryView } from '../../domain/credential-spec/registry-view';
import type { BaseCommand } from '../base.command';
import { CatalogueAggregates } from '../catalogue-aggregates';
import { RegistryLoader } from '../registry-loader';

type CommandContextOf = Pick<BaseCommand<unknown>, 'commandContext'>;

/**
 * A handler of credential-spec commands that carry the registry: the members and stack parts a definition names,
 * loaded from their streams as they are now.
 */
@Injectable()
export abstract class RegistryCheckedHandler {
  constructor(
    protected readonly aggregates: CatalogueAggregates,
    private readonly registry: RegistryLoader,
  ) {}

  /** The spec as it stands; an unknown id is refused. */
  protected async existing(credentialSpecId: string): Promise<CredentialSpec> {
    const current = await this.aggregates.credentialSpec.state(credentialSpecId);
    if (!current) throw new CatalogueException('catalogue.credential-spec-not-found', `No credential spec ${credentialSpecId}.`);
    return current;
  }

  /** Loads the registry `definition` needs and has the spec's aggregate decide the command built with it. */
  protected async handleWithRegistry(
    credentialSpecId: string,
    definition: Partial<CredentialSpecDefinition>,
    decide: (registry: RegistryView) => CredentialSpecCommand,
    command: CommandContextOf,
  ): Promise<CredentialSpec> {
    const registry = await this.registry.forDefinitions(definition);
    const { state } = await this.aggregates.credentialSpec.handle(credentialSpecId, decide(registry), command.commandContext());
    return state!;
  }

  /** Decides again on the spec's latest definition, with its members and stack parts checked against their streams as they are now. */
  protected async handleOnLatest(
    credentialSpecId: string,
    decide: (registry: RegistryView) => CredentialSpecCommand,
    command: CommandContextOf,
  ): Promise<void> {
    const current = await this.existing(credentialSpecId);
    await this.handleWithRegistry(credentialSpecId, latestVersion(current).definition, decide, command);
  }
}
