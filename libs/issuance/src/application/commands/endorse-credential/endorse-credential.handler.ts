import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DocumentLoader } from '@alliance/credentials';
import type { ProofCheck } from '../../../domain/credential/credential.commands';
import type { Credential } from '../../../domain/credential/credential.state';
import { IssuanceException } from '../../../domain/issuance.exception';
import { requireMemberMayAct } from '../../../domain/knowledge/member-standing';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { ISSUANCE_CONTEXTS } from '../../issuance.tokens';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { checkDetachedProof } from '../../signing/detached-proof-check';
import { PlatformSigner } from '../../signing/platform-signer';
import { EndorseCredentialCommand, type EndorseCredentialResult } from './endorse-credential.command';

@CommandHandler(EndorseCredentialCommand)
export class EndorseCredentialHandler implements ICommandHandler<EndorseCredentialCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly signer: PlatformSigner,
    @Inject(ISSUANCE_CONTEXTS) private readonly contexts?: DocumentLoader,
  ) {}

  async execute(command: EndorseCredentialCommand): Promise<EndorseCredentialResult> {
    const institutionId = command.actor.institution;
    if (command.actor.role !== 'institution-admin' || !institutionId) {
      throw new IssuanceException(
        'issuance.endorsement.not-institution-admin',
        'only an institution admin may endorse a credential for their institution',
      );
    }
    const credential = (await this.aggregates.credential.load(command.credentialId)).state;
    if (!credential)
      throw new IssuanceException('issuance.credential-not-found', `No credential with id ${command.credentialId}.`, 'credentialId');
    const standing = (await this.knowledge.institution(institutionId))?.status ?? 'not-registered';
    // Asked before the platform signs anything; the decider asks again before the proof counts.
    requireMemberMayAct(institutionId, standing);
    const { proof, check, method } = command.proof
      ? await this.detached(credential, institutionId, command.proof)
      : await this.platform(credential, institutionId);
    const result = await this.aggregates.credential.handle(
      command.credentialId,
      { type: 'AddProof', credentialId: command.credentialId, institutionId, standing, method, proof, check },
      command.commandContext(),
    );
    const state = result.state!;
    return {
      credentialId: command.credentialId,
      institutionId,
      method,
      lifecycle: state.lifecycle,
      awaiting: state.awardingBodies
        .filter((b) => !state.proofs.some((p) => p.institutionId === b.institutionId))
        .map((b) => b.institutionId),
      lastPosition: result.lastPosition,
    };
  }

  private async detached(credential: Credential, institutionId: string, proof: Record<string, unknown>) {
    const institution = await this.knowledge.institution(institutionId);
    const check: ProofCheck = institution
      ? await checkDetachedProof(credential.document, proof, institution, this.contexts)
      : { valid: false, reason: `institution ${institutionId} is not known to issuance` };
    return { proof, check, method: 'detached-proof' as const };
  }

  private async platform(credential: Credential, institutionId: string) {
    // Checked here too so a second endorsement gets the domain's 409 before anything is signed.
    if (!credential.awardingBodies.some((b) => b.institutionId === institutionId)) {
      throw new IssuanceException(
        'issuance.proof.not-awarding-body',
        `institution ${institutionId} is not an awarding body of this credential`,
        'institutionId',
      );
    }
    if (credential.proofs.some((p) => p.institutionId === institutionId)) {
      throw new IssuanceException('issuance.proof.already-present', `institution ${institutionId} has already signed this credential`);
    }
    if (credential.lifecycle !== 'collecting-proofs') {
      throw new IssuanceException(
        'issuance.credential.not-collecting-proofs',
        `the credential is ${credential.lifecycle}; it takes no more proofs`,
      );
    }
    const { proofs, unsignable } = await this.signer.sign(credential, [institutionId]);
    if (proofs.length === 0) {
      throw new IssuanceException(
        'issuance.endorsement.no-platform-key',
        `the platform holds no key registered for this institution and valid at the credential's validFrom (${unsignable[0]?.reason}); generate one with POST /institutions/${institutionId}/signing-keys and register it in the catalogue, or send a proof made with your own key`,
      );
    }
    return { proof: proofs[0].proof as Record<string, unknown>, check: { valid: true } as ProofCheck, method: 'endorsement' as const };
  }
}
