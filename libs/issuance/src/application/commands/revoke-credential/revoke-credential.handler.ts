import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { recordFinalRevocationOf } from '../../../domain/final-revocation/final-revocation.commands';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { changeStatus } from '../status-authority';
import { RevokeCredentialCommand, type RevokeCredentialResult } from './revoke-credential.command';

/**
 * Revokes a credential at an awarding body admin's request. Revoked for good (`final`), it also bars a new
 * credential of the definition for the learner, recorded before answering so that no amendment arriving
 * after the answer can slip a new credential through (the process manager records it too, idempotently).
 */
@CommandHandler(RevokeCredentialCommand)
export class RevokeCredentialHandler implements ICommandHandler<RevokeCredentialCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
  ) {}

  async execute(command: RevokeCredentialCommand): Promise<RevokeCredentialResult> {
    const out = await changeStatus(this.aggregates, this.knowledge, 'RevokeCredential', command);
    if (!command.final) return out;
    const credential = (await this.aggregates.credential.load(command.credentialId)).state!;
    const recorded = await this.aggregates.finalRevocation.handle(
      { learnerId: credential.learnerId, specId: credential.specId },
      recordFinalRevocationOf(credential, command.actor.institution!, command.reason),
      command.commandContext(),
    );
    return { ...out, final: true, lastPosition: recorded.lastPosition ?? out.lastPosition };
  }
}
