import { ApiPropertyOptional } from '@nestjs/swagger';
import { OfferedConfigurations, OfferLifetime, OfferTransactionCode } from '../../application/commands/offer-credential-to-wallet';
import { WALLET_CONFIGURATIONS } from '../../domain/wallet-offer/wallet-offer.rules';

export class WalletOfferDto {
  @ApiPropertyOptional({
    description: 'Configurations to offer; both by default',
    enum: Object.values(WALLET_CONFIGURATIONS),
    isArray: true,
  })
  @OfferedConfigurations()
  configurationIds?: string[];

  @ApiPropertyOptional({ description: 'How long the offer can be redeemed, in seconds (default three days)' })
  @OfferLifetime()
  ttlSeconds?: number;

  @ApiPropertyOptional({ description: 'Whether the wallet must also send a transaction code, e-mailed to the learner (default true)' })
  @OfferTransactionCode()
  txCode?: boolean;
}
