import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import { WithdrawCredentialSpecProposalCommand } from './withdraw-credential-spec-proposal.command';

@CommandHandler(WithdrawCredentialSpecProposalCommand)
export class WithdrawCredentialSpecProposalHandler implements ICommandHandler<WithdrawCredentialSpecProposalCommand> {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: WithdrawCredentialSpecProposalCommand): Promise<void> {
    await this.aggregates.credentialSpec.handle(
      command.credentialSpecId,
      { type: 'WithdrawCredentialSpecProposal', reason: command.reason },
      command.commandContext(),
    );
  }
}
