import { IsUUID } from 'class-validator';
import { BaseCommand } from '../../base.command';
import { OfferedConfigurations, OfferLifetime, OfferTransactionCode } from './wallet-offer-options';

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

  @OfferedConfigurations()
  configurationIds?: string[];

  @OfferLifetime()
  ttlSeconds?: number;

  /** Whether the wallet must also send a transaction code, sent to the learner by e-mail (default true). */
  @OfferTransactionCode()
  txCode?: boolean;
}
