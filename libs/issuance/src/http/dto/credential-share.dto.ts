import { ApiPropertyOptional } from '@nestjs/swagger';
import { ShareLifetime } from '../../application/commands/share-credential';
import { SHARE_LIFETIME_DAYS } from '../../domain/credential-share/credential-share.rules';

export class CredentialShareDto {
  @ApiPropertyOptional({
    description: `How many days the link opens the credential (default ${SHARE_LIFETIME_DAYS.default})`,
    minimum: SHARE_LIFETIME_DAYS.min,
    maximum: SHARE_LIFETIME_DAYS.max,
  })
  @ShareLifetime()
  expiresInDays?: number;
}
