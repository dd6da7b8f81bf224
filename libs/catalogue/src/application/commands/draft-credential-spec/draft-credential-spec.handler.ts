import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { RegistryLoader } from '../../registry-loader';
import type { DraftCredentialSpecCommand } from './draft-credential-spec.command';

@Injectable()
export class DraftCredentialSpecHandler {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly registry: RegistryLoader,
  ) {}

  /** Returns the id of the new definition. */
  async execute(command: DraftCredentialSpecCommand): Promise<string> {
    const credentialSpecId = uuidv7();
    const registry = await this.registry.forDefinitions(command.definition);
    await this.aggregates.onCredentialSpec(
      credentialSpecId,
      { type: 'DraftCredentialSpec', credentialSpecId, definition: command.definition, registry },
      command.commandContext(),
    );
    return credentialSpecId;
  }
}
