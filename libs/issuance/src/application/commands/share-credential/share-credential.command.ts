import { applyDecorators } from '@nestjs/common';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SHARE_LIFETIME_DAYS } from '../../../domain/credential-share/credential-share.rules';
import { BaseCommand } from '../../base.command';

/** A link's lifetime as a caller may choose it, checked the same way on the request body and on the command. */
export const ShareLifetime = () => applyDecorators(IsOptional(), IsInt(), Min(SHARE_LIFETIME_DAYS.min), Max(SHARE_LIFETIME_DAYS.max));

/** What the learner gets back: the link to hand to an employer, and until when it opens. */
export interface CredentialShareMade {
  shareId: string;
  url: string;
  expiresAt: string;
}

/** The learner makes a link that lets anyone holding it read one of their issued credentials. */
export class ShareCredentialCommand extends BaseCommand<CredentialShareMade> {
  @IsUUID()
  credentialId!: string;

  @ShareLifetime()
  expiresInDays?: number;
}
