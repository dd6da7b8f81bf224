import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { signatureStatus, type SignatureStatus } from '../../signing/signature-status';
import { ReopenSignatureRequestCommand } from './reopen-signature-request.command';

/** Reopens a declined signing request; the signer's own policy then decides again. */
@CommandHandler(ReopenSignatureRequestCommand)
export class ReopenSignatureRequestHandler implements ICommandHandler<ReopenSignatureRequestCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
  ) {}

  async execute(command: ReopenSignatureRequestCommand): Promise<SignatureStatus> {
    const { credentialId, institutionId, reason, actor } = command;
    // An institution's admin acts for its institution, whose standing the credential checks; an alliance admin does not.
    const by =
      actor.role === 'institution-admin'
        ? { institutionId, standing: (await this.knowledge.institution(institutionId))?.status ?? ('not-registered' as const) }
        : undefined;
    const result = await this.aggregates.credential.handle(
      credentialId,
      { type: 'ReopenSignatureRequest', credentialId, institutionId, reason, ...(by ? { by } : {}) },
      command.commandContext(),
    );
    return signatureStatus(result.state!);
  }
}
