import { Inject, Injectable } from '@nestjs/common';
import { authoriseSigningAdmin } from '../../../domain/signing/signer.decider';
import type { AggregateHandlers } from '../../issuance-handlers';
import { issuanceStreams } from '../../issuance-streams';
import { AGGREGATE_HANDLERS, KEY_CUSTODY } from '../../issuance.tokens';
import type { KeyCustody } from '../../ports/key-custody.port';
import type { GenerateSigningKeyCommand } from './generate-signing-key.command';

/**
 * Generates an Ed25519 key the platform will hold for an institution and returns only its public half, as
 * the Multikey an admin then registers in the catalogue (custody: issuance-service). Until the catalogue
 * registers it, issuance never signs with it.
 */
@Injectable()
export class GenerateSigningKeyHandler {
  constructor(
    @Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers,
    @Inject(KEY_CUSTODY) private readonly custody: KeyCustody,
  ) {}

  async execute(command: GenerateSigningKeyCommand) {
    // Refuse before generating anything: the vault must not fill up with keys nobody may use.
    authoriseSigningAdmin(command.actor, command.institutionId);
    const { keyRef, publicKeyMultibase } = await this.custody.generate(command.institutionId);
    const result = await this.aggregates.signers.handle(
      issuanceStreams.signer(command.institutionId),
      { type: 'RecordGeneratedKey', institutionId: command.institutionId, keyRef, publicKeyMultibase },
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
      generatedAt,
    };
  }
}
