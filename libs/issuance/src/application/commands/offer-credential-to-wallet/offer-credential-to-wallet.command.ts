import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { OFFER_TTL_SECONDS, WALLET_CONFIGURATIONS } from '../../../domain/wallet-offer/wallet-offer.rules';
import { BaseCommand } from '../../base.command';

/** What the caller gets back: the offer to show as a QR code or link; the transaction code goes to the learner. */
export interface WalletOfferMade {
  offerId: string;
  credentialId: string;
  configurationIds: string[];
  preAuthorizedCode: string;
  txCode?: { length: number; inputMode: 'numeric' };
  expiresAt: string;
  lastPosition?: number;
}

/** Offer a learner's credential to their wallet: the learner themself, or a registrar or admin of an awarding body. */
export class OfferCredentialToWalletCommand extends BaseCommand<WalletOfferMade> {
  @IsUUID()
  credentialId!: string;

  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsString({ each: true })
  @IsIn(Object.values(WALLET_CONFIGURATIONS), { each: true })
  configurationIds?: string[];

  @IsOptional()
  @IsInt()
  @Min(OFFER_TTL_SECONDS.min)
  @Max(OFFER_TTL_SECONDS.max)
  ttlSeconds?: number;

  /** Whether the wallet must also send a transaction code, sent to the learner by e-mail (default true). */
  @IsOptional()
  @IsBoolean()
  txCode?: boolean;
}
