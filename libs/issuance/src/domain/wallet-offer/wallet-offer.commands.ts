import type { CredentialOffered, WalletNotified } from './wallet-offer.events';

/** Offer an issued credential to the learner's wallet, valid for `ttlSeconds`. */
export interface OfferCredentialToWallet {
  type: 'OfferCredentialToWallet';
  offerId: string;
  credentialId: string;
  learnerId: string;
  configurationIds: string[];
  /** The credential's lifecycle now: only an issued credential is offered. */
  credentialLifecycle: string;
  txCode?: CredentialOffered['data']['txCode'];
  ttlSeconds: number;
}

/**
 * A wallet presents the pre-authorized code of this offer. The handler checked the transaction code against the
 * one derived from the offer id; the decider sees only the outcome.
 */
export interface RedeemWalletOffer {
  type: 'RedeemWalletOffer';
  txCode: 'matches' | 'wrong' | 'missing';
  accessTokenTtlSeconds: number;
}

/** Hand the credential over in `configurationId`, bound to the wallet key, or defer it with `transactionId`. */
export interface DeliverToWallet {
  type: 'DeliverToWallet';
  configurationId: string;
  holderKeyThumbprint: string;
  /** The credential's lifecycle now: a revoked or suspended credential is not handed over. */
  credentialLifecycle: string;
  outcome: { delivered: { notificationId: string } } | { deferred: { transactionId: string; holderJwk: Record<string, unknown> } };
}

export interface RecordWalletDeliveryFailure {
  type: 'RecordWalletDeliveryFailure';
  configurationId?: string;
  error: string;
  description: string;
}

export interface RecordWalletNotification {
  type: 'RecordWalletNotification';
  notificationId: string;
  event: WalletNotified['data']['event'];
  description?: string;
}

export type WalletOfferCommand =
  OfferCredentialToWallet | RedeemWalletOffer | DeliverToWallet | RecordWalletDeliveryFailure | RecordWalletNotification;
