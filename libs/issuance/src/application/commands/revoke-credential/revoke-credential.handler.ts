import { Inject, Injectable } from '@nestjs/common';
import type { AggregateHandlers } from '../../issuance-handlers';
import { issuanceStreams } from '../../issuance-streams';
import { AGGREGATE_HANDLERS, KNOWLEDGE } from '../../issuance.tokens';
import type { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { changeStatus } from '../status-authority';
import type { RevokeCredentialCommand } from './revoke-credential.command';

/**
 * Revokes a credential at an awarding body admin's request. Revoked for good (`final`), it also bars a new
 * credential of the definition for the learner, recorded before answering so that no amendment arriving
 * after the answer can slip a new credential through (the process manager records it too, idempotently).
 */
@Injectable()
export class RevokeCredentialHandler {
  constructor(
    @Inject(AGGREGATE_HANDLERS) private readonly aggregates: AggregateHandlers,
    @Inject(KNOWLEDGE) private readonly knowledge: KnowledgeReader,
  ) {}

  async execute(command: RevokeCredentialCommand) {
    const out = await changeStatus(this.aggregates, this.knowledge, 'RevokeCredential', command);
    if (!command.final) return out;
    const credential = (await this.aggregates.credentials.load(issuanceStreams.credential(command.credentialId))).state!;
    const recorded = await this.aggregates.finalRevocations.handle(
      issuanceStreams.finalRevocation(credential.learnerId, credential.specId),
      {
        type: 'RecordFinalRevocation',
        learnerId: credential.learnerId,
        specId: credential.specId,
        credentialId: credential.credentialId,
        awardingBodies: credential.awardingBodies.map((b) => b.institutionId),
        revokedBy: command.actor.institution!,
        reason: command.reason,
      },
      command.commandContext(),
    );
    return { ...out, final: true, lastPosition: recorded.lastPosition ?? out.lastPosition };
  }
}
