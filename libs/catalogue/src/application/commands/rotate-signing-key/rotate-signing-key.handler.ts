import { Injectable } from '@nestjs/common';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { RotateSigningKeyCommand } from './rotate-signing-key.command';

@Injectable()
export class RotateSigningKeyHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  /** Returns the id of the successor key. */
  async execute(command: RotateSigningKeyCommand): Promise<string> {
    const { institutionId, keyId, newKeyId, publicKeyMultibase, publicKeyJwk, custody, validUntil, reason, proofOfPossession } = command;
    const state = await this.aggregates.onInstitution(
      institutionId,
      {
        type: 'RotateSigningKey',
        institutionId,
        previousKeyId: keyId,
        newKey: { keyId: newKeyId, publicKeyMultibase, publicKeyJwk, custody, validUntil },
        proofOfPossession: { nonce: proofOfPossession.nonce, signature: proofOfPossession.signature },
        ...(reason ? { reason } : {}),
      },
      command.commandContext(),
    );
    return state!.keys.at(-1)!.keyId;
  }
}
