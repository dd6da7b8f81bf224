import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { OFFER_TTL_SECONDS, WALLET_CONFIGURATIONS } from '../../domain/wallet-offer/wallet-offer.rules';

export class WalletOfferDto {
  @ApiPropertyOptional({
    description: 'Configurations to offer; both by default',
    enum: Object.values(WALLET_CONFIGURATIONS),
    isArray: true,
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsString({ each: true })
  @IsIn(Object.values(WALLET_CONFIGURATIONS), { each: true })
  configurationIds?: string[];

  @ApiPropertyOptional({ description: 'How long the offer can be redeemed, in seconds (default three days)' })
  @IsOptional()
  @IsInt()
  @Min(OFFER_TTL_SECONDS.min)
  @Max(OFFER_TTL_SECONDS.max)
  ttlSeconds?: number;

  @ApiPropertyOptional({ description: 'Whether the wallet must also send a transaction code, e-mailed to the learner (default true)' })
  @IsOptional()
  @IsBoolean()
  txCode?: boolean;
}
