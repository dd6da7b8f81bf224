import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SHARE_LIFETIME_DAYS } from '../../../domain/credential-share/credential-share.rules';
import { requireOwnCredential } from '../../credential-share/credential-owner';
import { ShareLinks } from '../../credential-share/share-links';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { type CredentialShareMade, ShareCredentialCommand } from './share-credential.command';

@CommandHandler(ShareCredentialCommand)
export class ShareCredentialHandler implements ICommandHandler<ShareCredentialCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly links: ShareLinks,
  ) {}

  async execute(command: ShareCredentialCommand): Promise<CredentialShareMade> {
    const credential = requireOwnCredential(
      command.actor,
      (await this.aggregates.credential.load(command.credentialId)).state,
      command.credentialId,
    );
    const shareId = randomUUID();
    const target = { credentialId: credential.credentialId, shareId };
    // The link is built first: without the page's address no link is recorded that nobody could hand over.
    const url = this.links.url(target);
    const result = await this.aggregates.credentialShares.handle(
      credential.credentialId,
      {
        type: 'ShareCredential',
        shareId,
        credentialId: credential.credentialId,
        learnerId: credential.learnerId,
        credentialLifecycle: credential.lifecycle,
        expiresInDays: command.expiresInDays ?? SHARE_LIFETIME_DAYS.default,
      },
      command.commandContext(),
    );
    return { shareId, url, expiresAt: result.state!.shares[shareId]!.expiresAt };
  }
}
