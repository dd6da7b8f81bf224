import { signKeyPossession } from '@alliance/credentials';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IssuanceException, violation } from '../../../domain/issuance.exception';
import { authoriseSigningAdmin, authoriseSigningChange } from '../../../domain/signing/signer.decider';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { KeyCustody } from '../../ports/key-custody.port';
import { GenerateSigningKeyCommand, type GenerateSigningKeyResult } from './generate-signing-key.command';

/**
 * Generates an Ed25519 key the platform will hold for an institution (a delegation only its own admin may
 * make) and returns its public half with the key's signature over the catalogue's possession challenge, which
 * the admin then registers in the catalogue (custody: issuance-service). Until the catalogue registers it,
 * issuance never signs with it; until the admin sets the automatic or manual policy, it signs nothing.
 */
@CommandHandler(GenerateSigningKeyCommand)
export class GenerateSigningKeyHandler implements ICommandHandler<GenerateSigningKeyCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly custody: KeyCustody,
    private readonly knowledge: KnowledgeReader,
  ) {}

  async execute(command: GenerateSigningKeyCommand): Promise<GenerateSigningKeyResult> {
    // Refuse before generating anything: the vault must not fill up with keys nobody may use. The decider
    // asks the same again when the key is recorded.
    authoriseSigningAdmin(command.actor, command.institutionId);
    const member = (await this.knowledge.arrivingInstitution(command.institutionId))?.status;
    authoriseSigningChange(command.actor, command.institutionId, member);
    const { challenge } = command;
    if (!challenge) {
      throw IssuanceException.invalid([
        violation(
          'challenge',
          'challenge.required',
          'a possession challenge is required: ask the catalogue for one (POST /institutions/{id}/key-challenges) and send its `challenge`',
        ),
      ]);
    }
    if (challenge.institutionId !== command.institutionId) {
      throw IssuanceException.invalid([
        violation(
          'challenge.institutionId',
          'challenge.other-institution',
          `the challenge was issued for institution ${challenge.institutionId}`,
        ),
      ]);
    }
    if (!(Date.parse(challenge.expiresAt) > Date.now())) {
      throw IssuanceException.invalid([
        violation(
          'challenge.expiresAt',
          'challenge.expired',
          'the challenge has expired; ask the catalogue for a new one (POST /institutions/{id}/key-challenges)',
        ),
      ]);
    }
    const { keyRef, publicKeyMultibase } = await this.custody.generate(command.institutionId);
    const privateKey = await this.custody.privateKey(command.institutionId, keyRef);
    if (!privateKey)
      throw new IssuanceException('issuance.signing.vault-unavailable', 'the generated key could not be read back from the vault');
    const proofOfPossession = signKeyPossession({ ...challenge, type: 'alliance-key-possession' }, privateKey);
    const result = await this.aggregates.signer.handle(
      command.institutionId,
      { type: 'RecordGeneratedKey', institutionId: command.institutionId, member, keyRef, publicKeyMultibase },
      command.commandContext(),
    );
    const generatedAt = result.state!.keys.find((k) => k.keyRef === keyRef)!.generatedAt;
    return {
      institutionId: command.institutionId,
      keyRef,
      type: 'Multikey' as const,
      algorithm: 'Ed25519' as const,
      publicKeyMultibase,
      custody: 'issuance-service' as const,
      keyId: challenge.keyId,
      generatedAt,
      proofOfPossession,
    };
  }
}
