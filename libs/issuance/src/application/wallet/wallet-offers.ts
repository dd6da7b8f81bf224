import { createPreAuthorizedOffer, offerQrSvg } from '@alliance/credentials';
import type { CredentialOfferObject } from '@openid4vc/openid4vci';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { WalletOfferMade } from '../commands/offer-credential-to-wallet';
import type { OfferCodes } from './offer-codes';
import type { WalletProtocol } from './wallet-protocol';

/** A made offer as a wallet takes it: the Credential Offer, its deep links and a QR code of the short link. */
export interface RenderedWalletOffer {
  offer: CredentialOfferObject;
  /** `openid-credential-offer://?credential_offer=…` */
  byValue: string;
  /** `openid-credential-offer://?credential_offer_uri=…`: short, so the QR code stays easy to scan. */
  byReference: string;
  /** SVG markup of the by-reference link's QR code. */
  qrSvg: string;
}

/** Tells the learner where the transaction code comes from (shown by the wallet, at most 300 characters). */
const TX_CODE_DESCRIPTION = 'The code was sent to your e-mail address.';

/** Renders wallet offers for the protocol: when made, and again when a wallet fetches one by reference. */
export class WalletOffers {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly codes: OfferCodes,
    private readonly wallet: WalletProtocol,
  ) {}

  async render(made: WalletOfferMade): Promise<RenderedWalletOffer> {
    const rendered = await this.offerOf(made.offerId, made.configurationIds, made.txCode?.length);
    return { ...rendered, byReference: rendered.byReference!, qrSvg: await offerQrSvg(rendered.byReference!) };
  }

  /**
   * The Credential Offer a wallet fetches at `credential_offer_uri`: only while the offer can still be redeemed.
   * The offer id is a random UUID, and the offer itself carries its pre-authorized code, as a link by value would.
   */
  async byReference(offerId: string, now: Date): Promise<CredentialOfferObject | undefined> {
    const state = (await this.aggregates.walletOffer.load(offerId)).state;
    if (!state || state.stage !== 'offered' || now.getTime() >= Date.parse(state.expiresAt)) return undefined;
    return (await this.offerOf(offerId, state.configurationIds, state.txCode?.length)).offer;
  }

  private offerOf(offerId: string, configurationIds: string[], txCodeLength: number | undefined) {
    return createPreAuthorizedOffer(this.wallet.protocol, {
      offerId,
      credentialConfigurationIds: configurationIds,
      preAuthorizedCode: this.codes.preAuthorizedCode(offerId),
      ...(txCodeLength ? { txCode: { length: txCodeLength, description: TX_CODE_DESCRIPTION } } : {}),
    });
  }
}
