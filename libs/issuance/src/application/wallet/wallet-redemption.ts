import {
  handleTokenRequest,
  hashOfferCode,
  type HttpRequest,
  type PreAuthorizedCodeRecord,
  protocolError,
  type TokenRefusal,
} from '@alliance/credentials';
import { isDomainError } from '@alliance/event-sourcing';
import type { RedeemWalletOffer } from '../../domain/wallet-offer/wallet-offer.commands';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { OfferCodes } from './offer-codes';
import { walletActor, type WalletProtocol } from './wallet-protocol';

/** How the decider hears of a transaction code the protocol layer checked. */
const TX_CODE_OUTCOME: Partial<Record<TokenRefusal, RedeemWalletOffer['txCode']>> = {
  wrong_tx_code: 'wrong',
  tx_code_missing: 'missing',
  redeemed: 'matches',
  expired: 'matches',
};

/**
 * The token endpoint over wallet offers: the protocol layer checks the request, the code and the transaction code;
 * the offer's stream decides and records, so a code is redeemed once even by two replicas at the same instant, and
 * every refusal of a known offer is recorded (wrong codes lock it).
 */
export class WalletRedemption {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly codes: OfferCodes,
    private readonly wallet: WalletProtocol,
  ) {}

  async token(request: HttpRequest & { body: Record<string, unknown> }) {
    const answer = await handleTokenRequest(this.wallet.protocol, request, { lookup: (code) => this.lookup(code) });
    if (!answer.ok) {
      const outcome = TX_CODE_OUTCOME[answer.reason];
      if (answer.offerId && outcome) await this.redeem(answer.offerId, outcome).catch(() => undefined);
      return answer;
    }
    // Another replica redeemed it (or it expired) between the check and the append: the token is not handed out.
    const redeemed = await this.redeem(answer.offerId, 'matches').then(
      ({ events }) => events.some((e) => e.type === 'OfferRedeemed'),
      (error: unknown) => {
        if (isDomainError(error)) return false;
        throw error;
      },
    );
    return redeemed ? answer : protocolError('invalid_grant', 'Unknown pre-authorized_code');
  }

  private redeem(offerId: string, txCode: RedeemWalletOffer['txCode']) {
    return this.aggregates.walletOffer.handle(
      offerId,
      { type: 'RedeemWalletOffer', txCode, accessTokenTtlSeconds: this.wallet.accessTokenTtlSeconds },
      walletActor(offerId),
    );
  }

  private async lookup(preAuthorizedCode: string): Promise<PreAuthorizedCodeRecord | undefined> {
    const offerId = this.codes.offerOf(preAuthorizedCode);
    const state = offerId && (await this.aggregates.walletOffer.load(offerId)).state;
    if (!offerId || !state) return undefined;
    return {
      offerId,
      ...(state.txCode ? { txCodeHash: hashOfferCode(this.codes.txCode(offerId, state.txCode.length)) } : {}),
      expiresAt: new Date(state.expiresAt),
      // A locked offer answers as a redeemed one: unknown, whatever code comes next.
      redeemed: state.stage !== 'offered',
      credentialConfigurationIds: state.configurationIds,
    };
  }
}
