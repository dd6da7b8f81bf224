import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RotateSigningKey } from '../../../domain/institution/institution.commands';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { DidDocumentCheck } from '../../did-document-check';
import { RotateSigningKeyCommand } from './rotate-signing-key.command';

@CommandHandler(RotateSigningKeyCommand)
export class RotateSigningKeyHandler implements ICommandHandler<RotateSigningKeyCommand> {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly didDocuments: DidDocumentCheck,
  ) {}

  /** Returns the id of the successor key, which a member hosting its own DID document must list there first. */
  async execute(command: RotateSigningKeyCommand): Promise<string> {
    const { institutionId, keyId, newKeyId, publicKeyMultibase, publicKeyJwk, custody, validUntil, reason, proofOfPossession } = command;
    const rotation: RotateSigningKey = {
      type: 'RotateSigningKey',
      institutionId,
      previousKeyId: keyId,
      newKey: { keyId: newKeyId, publicKeyMultibase, publicKeyJwk, custody, validUntil },
      proofOfPossession: { nonce: proofOfPossession.nonce, signature: proofOfPossession.signature },
      ...(reason ? { reason } : {}),
    };
    const context = command.commandContext();
    const { state } = await this.aggregates.institution.handle(
      institutionId,
      await this.didDocuments.confirmed(rotation, context),
      context,
    );
    return state!.keys.at(-1)!.keyId;
  }
}
