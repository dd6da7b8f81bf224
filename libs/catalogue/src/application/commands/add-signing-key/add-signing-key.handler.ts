import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueException, violation } from '../../../domain/catalogue.exception';
import type { AddSigningKey, RotateSigningKey } from '../../../domain/institution/institution.commands';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { DidDocumentCheck } from '../../did-document-check';
import { AddSigningKeyCommand } from './add-signing-key.command';

@CommandHandler(AddSigningKeyCommand)
export class AddSigningKeyHandler implements ICommandHandler<AddSigningKeyCommand> {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly didDocuments: DidDocumentCheck,
  ) {}

  /**
   * Returns the id of the key added. With `replacesKeyId` it is a rotation: the replaced key ends as this one
   * starts. A member hosting its own DID document must list the key there first.
   */
  async execute(command: AddSigningKeyCommand): Promise<string> {
    const { institutionId, keyId, publicKeyMultibase, publicKeyJwk, custody, validFrom, validUntil, replacesKeyId, proofOfPossession } =
      command;
    const key = { keyId, publicKeyMultibase, publicKeyJwk, custody, validUntil };
    if (replacesKeyId !== undefined && validFrom !== undefined) {
      throw CatalogueException.invalid([
        violation('validFrom', 'key.rotation-starts-now', 'a key that replaces another starts now; leave validFrom out'),
      ]);
    }
    const proof = { nonce: proofOfPossession.nonce, signature: proofOfPossession.signature };
    const domainCommand: AddSigningKey | RotateSigningKey =
      replacesKeyId !== undefined
        ? { type: 'RotateSigningKey', institutionId, previousKeyId: replacesKeyId, newKey: key, proofOfPossession: proof }
        : { type: 'AddSigningKey', institutionId, key: { ...key, validFrom }, proofOfPossession: proof };
    const context = command.commandContext();
    const confirmed = await this.didDocuments.confirmed(domainCommand, context);
    const { state } = await this.aggregates.institution.handle(institutionId, confirmed, context);
    return state!.keys.at(-1)!.keyId;
  }
}
