import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { authoriseSigningAdmin } from '../../../domain/signing/signer.decider';
import { DEFAULT_SIGNING_POLICY } from '../../../domain/signing/signer.state';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { SetSigningPolicyCommand, type SetSigningPolicyResult } from './set-signing-policy.command';

/** Automatic: the platform signs as soon as it holds a registered key. Manual: each credential waits for the admin. */
@CommandHandler(SetSigningPolicyCommand)
export class SetSigningPolicyHandler implements ICommandHandler<SetSigningPolicyCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
  ) {}

  async execute(command: SetSigningPolicyCommand): Promise<SetSigningPolicyResult> {
    // Anyone but the institution's own admin is refused before anything about the institution is looked up.
    authoriseSigningAdmin(command.actor, command.institutionId);
    const member = (await this.knowledge.arrivingInstitution(command.institutionId))?.status;
    const result = await this.aggregates.signer.handle(
      command.institutionId,
      { type: 'SetSigningPolicy', institutionId: command.institutionId, member, policy: command.policy },
      command.commandContext(),
    );
    return { institutionId: command.institutionId, policy: result.state?.policy ?? DEFAULT_SIGNING_POLICY };
  }
}
