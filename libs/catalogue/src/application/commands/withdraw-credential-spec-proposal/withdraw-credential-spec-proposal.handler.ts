import { Injectable } from '@nestjs/common';
import { CatalogueAggregates } from '../../catalogue-aggregates';
import type { WithdrawCredentialSpecProposalCommand } from './withdraw-credential-spec-proposal.command';

@Injectable()
export class WithdrawCredentialSpecProposalHandler {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async execute(command: WithdrawCredentialSpecProposalCommand): Promise<void> {
    await this.aggregates.onCredentialSpec(
      command.credentialSpecId,
      { type: 'WithdrawCredentialSpecProposal', reason: command.reason },
      command.commandContext(),
    );
  }
}
