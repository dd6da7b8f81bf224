import { Injectable } from '@nestjs/common';
import { requireActingFor } from '../../acting-for';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { RotateSigningKeyCommand } from './rotate-signing-key.command';

@Injectable()
export class RotateSigningKeyHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  /** Returns the id of the successor key. */
  async execute(command: RotateSigningKeyCommand): Promise<string> {
    requireActingFor(command.actor, command.institutionId);
    const { institutionId, keyId, newKeyId, publicKeyMultibase, publicKeyJwk, custody, validUntil, reason } = command;
    const state = await this.aggregates.onInstitution(
      institutionId,
      {
        type: 'RotateSigningKey',
        previousKeyId: keyId,
        newKey: { keyId: newKeyId, publicKeyMultibase, publicKeyJwk, custody, validUntil },
        ...(reason ? { reason } : {}),
      },
      command.commandContext(),
    );
    return state!.keys.at(-1)!.keyId;
  }
}
