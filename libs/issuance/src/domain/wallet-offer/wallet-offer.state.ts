import type { CredentialOffered, WalletNotified, WalletOfferEvent } from './wallet-offer.events';

export interface WalletDelivery {
  holderKeyThumbprint: string;
  notificationId?: string;
  transactionId?: string;
  /** While deferred: the wallet key the credential will be bound to. */
  holderJwk?: Record<string, unknown>;
  deliveredAt?: string;
}

export interface WalletOffer extends Omit<CredentialOffered['data'], 'offeredBy'> {
  stage: 'offered' | 'redeemed' | 'locked';
  wrongCodes: number;
  /** Refusals recorded so far; past a bound they are answered without being recorded again. */
  refusals: number;
  accessTokenExpiresAt?: string;
  /** Per configuration: the credential handed over (or deferred) and the wallet key it is bound to. */
  deliveries: Record<string, WalletDelivery>;
  /** What the wallet last reported per delivered credential, by notification id. */
  notifications: Record<string, WalletNotified['data']['event']>;
  /** Failed credential requests recorded so far (bounded like refusals). */
  failures: number;
}

export type WalletOfferState = WalletOffer | undefined;

export const initialWalletOfferState = (): WalletOfferState => undefined;

export function evolveWalletOffer(state: WalletOfferState, event: WalletOfferEvent): WalletOfferState {
  if (event.type === 'CredentialOffered') {
    const { offeredBy: _by, ...offer } = event.data;
    return { ...offer, stage: 'offered', wrongCodes: 0, refusals: 0, deliveries: {}, notifications: {}, failures: 0 };
  }
  if (!state) return state;
  switch (event.type) {
    case 'OfferRedemptionRefused':
      return { ...state, wrongCodes: event.data.wrongCodes, refusals: state.refusals + 1 };
    case 'OfferLocked':
      return { ...state, stage: 'locked' };
    case 'OfferRedeemed':
      return { ...state, stage: 'redeemed', accessTokenExpiresAt: event.data.accessTokenExpiresAt };
    case 'CredentialDeliveredToWallet': {
      const { configurationId, holderKeyThumbprint, notificationId, deliveredAt } = event.data;
      return { ...state, deliveries: { ...state.deliveries, [configurationId]: { holderKeyThumbprint, notificationId, deliveredAt } } };
    }
    case 'WalletDeliveryDeferred': {
      const { configurationId, holderKeyThumbprint, holderJwk, transactionId } = event.data;
      return { ...state, deliveries: { ...state.deliveries, [configurationId]: { holderKeyThumbprint, holderJwk, transactionId } } };
    }
    case 'WalletDeliveryFailed':
      return { ...state, failures: state.failures + 1 };
    case 'WalletNotified':
      return { ...state, notifications: { ...state.notifications, [event.data.notificationId]: event.data.event } };
  }
}
