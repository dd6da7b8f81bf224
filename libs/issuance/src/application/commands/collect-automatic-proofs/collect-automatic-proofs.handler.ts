import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { missingSigners } from '../../../domain/credential/credential.state';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { PlatformSigner } from '../../signing/platform-signer';
import { CollectAutomaticProofsCommand, type CollectAutomaticProofsResult } from './collect-automatic-proofs.command';

/**
 * Signs for the automatic institutions still missing from a credential. An institution the platform cannot
 * sign for yet (no registered key) is reported and retried when issuance learns a key for it.
 */
@CommandHandler(CollectAutomaticProofsCommand)
export class CollectAutomaticProofsHandler implements ICommandHandler<CollectAutomaticProofsCommand> {
  private readonly logger = new Logger('CollectAutomaticProofs');

  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly signer: PlatformSigner,
  ) {}

  async execute(command: CollectAutomaticProofsCommand): Promise<CollectAutomaticProofsResult> {
    const credential = (await this.aggregates.credential.load(command.credentialId)).state;
    if (!credential || credential.lifecycle !== 'collecting-proofs') return { added: [], unsignable: [], lifecycle: credential?.lifecycle };
    const automatic = await this.signer.automaticSigners(missingSigners(credential).map((b) => b.institutionId));
    if (automatic.length === 0) return { added: [], unsignable: [], lifecycle: credential.lifecycle };
    const { proofs, unsignable } = await this.signer.sign(credential, automatic);
    let lifecycle: string = credential.lifecycle;
    if (proofs.length > 0) {
      const result = await this.aggregates.credential.handle(
        command.credentialId,
        {
          type: 'AddProofs',
          credentialId: command.credentialId,
          proofs: proofs.map(({ institutionId, standing, proof }) => ({
            institutionId,
            standing,
            method: 'automatic' as const,
            proof,
            check: { valid: true as const },
          })),
        },
        command.commandContext(),
      );
      lifecycle = result.state!.lifecycle;
    }
    if (unsignable.length > 0) this.logger.warn({ credentialId: command.credentialId, unsignable }, 'automatic signing postponed');
    return { added: proofs.map((p) => p.institutionId), unsignable, lifecycle };
  }
}
