import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IssuanceException } from '../../../domain/issuance.exception';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { adminAuthority } from '../status-authority';
import { LiftFinalRevocationCommand, type LiftFinalRevocationResult } from './lift-final-revocation.command';

/**
 * Lifts the final revocation of a credential: an audited decision (who, for which awarding body, why). The
 * process manager then evaluates the learner's award tracks in the definition again, and a credential granted
 * from them names the revoked one as the credential it replaces.
 */
@CommandHandler(LiftFinalRevocationCommand)
export class LiftFinalRevocationHandler implements ICommandHandler<LiftFinalRevocationCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
  ) {}

  async execute(command: LiftFinalRevocationCommand): Promise<LiftFinalRevocationResult> {
    const { institutionId, standing } = await adminAuthority(command.actor, this.knowledge);
    const credential = (await this.aggregates.credential.load(command.credentialId)).state;
    if (!credential)
      throw new IssuanceException('issuance.credential-not-found', `No credential with id ${command.credentialId}.`, 'credentialId');
    const result = await this.aggregates.finalRevocation.handle(
      { learnerId: credential.learnerId, specId: credential.specId },
      { type: 'LiftFinalRevocation', credentialId: command.credentialId, reason: command.reason, by: { institutionId, standing } },
      command.commandContext(),
    );
    const lifted = result.state!.lifted!;
    return {
      credentialId: command.credentialId,
      learnerId: credential.learnerId,
      specId: credential.specId,
      lifted,
      lastPosition: result.lastPosition,
    };
  }
}
