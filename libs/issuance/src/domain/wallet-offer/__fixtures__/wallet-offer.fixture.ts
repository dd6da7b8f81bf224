// Facts and commands of one wallet offer, for the decider's specs.
import type { DeliverToWallet, OfferCredentialToWallet, RedeemWalletOffer } from '../wallet-offer.commands';
import type { WalletOfferEvent } from '../wallet-offer.events';
import { WALLET_CONFIGURATIONS } from '../wallet-offer.rules';

export const T = new Date('2026-05-01T10:00:00.000Z');
export const later = (seconds: number) => ({ now: new Date(T.getTime() + seconds * 1000) });
export const registrar = { now: T, actor: { subject: 'registrar-a', role: 'registrar', institution: 'uni-a' } };
export const { openBadge, learningCredential } = WALLET_CONFIGURATIONS;
export const HOLDER = { kty: 'OKP', crv: 'Ed25519', x: 'holder-public-key' };

export const offer = (overrides: Partial<OfferCredentialToWallet> = {}): OfferCredentialToWallet => ({
  type: 'OfferCredentialToWallet',
  offerId: 'offer-1',
  credentialId: 'cred-1',
  learnerId: 'learner-1',
  configurationIds: [learningCredential, openBadge],
  credentialLifecycle: 'issued',
  txCode: { length: 6, inputMode: 'numeric' },
  ttlSeconds: 3600,
  ...overrides,
});
export const offered: WalletOfferEvent = {
  type: 'CredentialOffered',
  data: {
    offerId: 'offer-1',
    credentialId: 'cred-1',
    learnerId: 'learner-1',
    configurationIds: [learningCredential, openBadge],
    txCode: { length: 6, inputMode: 'numeric' },
    offeredAt: T.toISOString(),
    expiresAt: '2026-05-01T11:00:00.000Z',
    offeredBy: { subject: 'registrar-a', role: 'registrar' },
  },
};
export const redeem = (txCode: RedeemWalletOffer['txCode'] = 'matches'): RedeemWalletOffer => ({
  type: 'RedeemWalletOffer',
  txCode,
  accessTokenTtlSeconds: 600,
});
export const redeemed: WalletOfferEvent = {
  type: 'OfferRedeemed',
  data: { offerId: 'offer-1', redeemedAt: '2026-05-01T10:01:00.000Z', accessTokenExpiresAt: '2026-05-01T10:11:00.000Z' },
};
export const refused = (
  reason: 'transaction-code-wrong' | 'expired' | 'already-redeemed',
  wrongCodes: number,
  at = T,
): WalletOfferEvent => ({
  type: 'OfferRedemptionRefused',
  data: { offerId: 'offer-1', reason, wrongCodes, refusedAt: at.toISOString() },
});
export const target = (configurationId: string) => ({
  offerId: 'offer-1',
  credentialId: 'cred-1',
  learnerId: 'learner-1',
  configurationId,
  holderKeyThumbprint: 'jkt-1',
});
export const delivered: WalletOfferEvent = {
  type: 'CredentialDeliveredToWallet',
  data: { ...target(learningCredential), notificationId: 'n-1', deliveredAt: T.toISOString() },
};
export const deliver = (
  outcome: DeliverToWallet['outcome'],
  configurationId: string = learningCredential,
  holderKeyThumbprint = 'jkt-1',
): DeliverToWallet => ({
  type: 'DeliverToWallet',
  configurationId,
  holderKeyThumbprint,
  credentialLifecycle: 'issued',
  outcome,
});
