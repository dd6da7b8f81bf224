import { Injectable } from '@nestjs/common';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { RevokeSigningKeyCommand } from './revoke-signing-key.command';

@Injectable()
export class RevokeSigningKeyHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: RevokeSigningKeyCommand): Promise<void> {
    const { institutionId, keyId, reason, compromisedSince } = command;
    await this.aggregates.onInstitution(
      institutionId,
      { type: 'RevokeSigningKey', institutionId, keyId, reason, ...(compromisedSince !== undefined ? { compromisedSince } : {}) },
      command.commandContext(),
    );
  }
}
