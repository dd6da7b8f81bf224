import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requireOwnCredential } from '../../credential-share/credential-owner';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { RevokeCredentialShareCommand } from './revoke-credential-share.command';

@CommandHandler(RevokeCredentialShareCommand)
export class RevokeCredentialShareHandler implements ICommandHandler<RevokeCredentialShareCommand> {
  constructor(private readonly aggregates: IssuanceAggregates) {}

  async execute(command: RevokeCredentialShareCommand): Promise<{ shareId: string; revokedAt: string }> {
    requireOwnCredential(command.actor, (await this.aggregates.credential.load(command.credentialId)).state, command.credentialId);
    const result = await this.aggregates.credentialShares.handle(
      command.credentialId,
      { type: 'RevokeCredentialShare', shareId: command.shareId },
      command.commandContext(),
    );
    return { shareId: command.shareId, revokedAt: result.state!.shares[command.shareId]!.revokedAt! };
  }
}
