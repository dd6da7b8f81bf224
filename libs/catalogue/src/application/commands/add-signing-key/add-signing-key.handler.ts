import { Injectable } from '@nestjs/common';
import { requireActingFor } from '../../acting-for';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { AddSigningKeyCommand } from './add-signing-key.command';

@Injectable()
export class AddSigningKeyHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  /** Returns the id of the key added. */
  async execute(command: AddSigningKeyCommand): Promise<string> {
    requireActingFor(command.actor, command.institutionId);
    const { institutionId, keyId, publicKeyMultibase, publicKeyJwk, custody, validFrom, validUntil } = command;
    const state = await this.aggregates.onInstitution(
      institutionId,
      { type: 'AddSigningKey', key: { keyId, publicKeyMultibase, publicKeyJwk, custody, validFrom, validUntil } },
      command.commandContext(),
    );
    return state!.keys.at(-1)!.keyId;
  }
}
