import { IsUUID } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** The learner withdraws a link they made: from then on it opens nothing. */
export class RevokeCredentialShareCommand extends BaseCommand<{ shareId: string; revokedAt: string }> {
  @IsUUID()
  credentialId!: string;

  @IsUUID()
  shareId!: string;
}
