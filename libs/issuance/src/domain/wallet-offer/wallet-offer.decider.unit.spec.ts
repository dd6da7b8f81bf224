import { deciderSpecification } from '@alliance/event-sourcing';
import type { DeliverToWallet, OfferCredentialToWallet, RedeemWalletOffer } from './wallet-offer.commands';
import { walletOfferDecider } from './wallet-offer.decider';
import type { WalletOfferEvent } from './wallet-offer.events';
import { MAX_RECORDED_REFUSALS, MAX_WRONG_TX_CODES, WALLET_CONFIGURATIONS } from './wallet-offer.rules';

const spec = deciderSpecification(walletOfferDecider);
const T = new Date('2026-05-01T10:00:00.000Z');
const later = (seconds: number) => ({ now: new Date(T.getTime() + seconds * 1000) });
const registrar = { now: T, actor: { subject: 'registrar-a', role: 'registrar', institution: 'uni-a' } };
const { openBadge, learningCredential } = WALLET_CONFIGURATIONS;
const HOLDER = { kty: 'OKP', crv: 'Ed25519', x: 'holder-public-key' };

const offer = (overrides: Partial<OfferCredentialToWallet> = {}): OfferCredentialToWallet => ({
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
const offered: WalletOfferEvent = {
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
const redeem = (txCode: RedeemWalletOffer['txCode'] = 'matches'): RedeemWalletOffer => ({
  type: 'RedeemWalletOffer',
  txCode,
  accessTokenTtlSeconds: 600,
});
const redeemed: WalletOfferEvent = {
  type: 'OfferRedeemed',
  data: { offerId: 'offer-1', redeemedAt: '2026-05-01T10:01:00.000Z', accessTokenExpiresAt: '2026-05-01T10:11:00.000Z' },
};
const refused = (reason: 'transaction-code-wrong' | 'expired' | 'already-redeemed', wrongCodes: number, at = T): WalletOfferEvent => ({
  type: 'OfferRedemptionRefused',
  data: { offerId: 'offer-1', reason, wrongCodes, refusedAt: at.toISOString() },
});
const target = (configurationId: string) => ({
  offerId: 'offer-1',
  credentialId: 'cred-1',
  learnerId: 'learner-1',
  configurationId,
  holderKeyThumbprint: 'jkt-1',
});
const delivered: WalletOfferEvent = {
  type: 'CredentialDeliveredToWallet',
  data: { ...target(learningCredential), notificationId: 'n-1', deliveredAt: T.toISOString() },
};
const deliver = (
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

describe('a wallet offer', () => {
  it('is made once, for a valid credential, with who made it and when it expires', () => {
    spec.given([]).when(offer(), registrar).then([offered]);
    spec.given([offered]).when(offer(), registrar).thenThrows('issuance.wallet-offer.exists');
    spec
      .given([])
      .when(offer({ credentialLifecycle: 'revoked' }), registrar)
      .thenThrows((e) => (e as { code: string; status: number }).code === 'issuance.wallet-offer.credential-not-valid');
  });

  it('refuses an unknown or repeated configuration, a lifetime out of range and a transaction code of a bad length, naming each field', () => {
    spec
      .given([])
      .when(
        offer({ configurationIds: ['mdoc', openBadge, openBadge], ttlSeconds: 10, txCode: { length: 12, inputMode: 'numeric' } }),
        registrar,
      )
      .thenThrows((e) => {
        const fields = ((e as { details?: { errors?: { field: string }[] } }).details?.errors ?? []).map((v) => v.field);
        return JSON.stringify(fields) === JSON.stringify(['configurationIds[0]', 'configurationIds[2]', 'ttlSeconds', 'txCode.length']);
      });
    spec
      .given([])
      .when(offer({ configurationIds: [] }), registrar)
      .thenThrows('issuance.wallet-offer.configuration-required');
  });

  it('is redeemed once with the right transaction code; a replay is refused and recorded', () => {
    spec.given([offered]).when(redeem(), later(60)).then([redeemed]);
    spec
      .given([offered, redeemed])
      .when(redeem(), later(120))
      .then([refused('already-redeemed', 0, later(120).now)]);
  });

  it('refuses a wrong or missing transaction code, and locks after too many wrong ones', () => {
    spec
      .given([offered])
      .when(redeem('wrong'), { now: T })
      .then([refused('transaction-code-wrong', 1)]);
    spec
      .given([offered])
      .when(redeem('missing'), { now: T })
      .thenState((s) => expect([s?.stage, s?.wrongCodes, s?.refusals]).toEqual(['offered', 0, 1]));
    const wrongs = Array.from({ length: MAX_WRONG_TX_CODES - 1 }, (_, i) => refused('transaction-code-wrong', i + 1));
    spec
      .given([offered, ...wrongs])
      .when(redeem('wrong'), { now: T })
      .then([
        refused('transaction-code-wrong', MAX_WRONG_TX_CODES),
        { type: 'OfferLocked', data: { offerId: 'offer-1', wrongCodes: MAX_WRONG_TX_CODES, lockedAt: T.toISOString() } },
      ]);
    spec
      .given([
        offered,
        ...wrongs,
        refused('transaction-code-wrong', MAX_WRONG_TX_CODES),
        { type: 'OfferLocked', data: { offerId: 'offer-1', wrongCodes: 5, lockedAt: T.toISOString() } },
      ])
      .when(redeem('matches'), { now: T })
      .thenState((s) => expect(s?.stage).toBe('locked'));
  });

  it('is refused once expired, even with the right code', () => {
    spec
      .given([offered])
      .when(redeem(), later(3600))
      .then([refused('expired', 0, later(3600).now)]);
  });

  it('stops recording refusals past a bound but still refuses', () => {
    const many = Array.from({ length: MAX_RECORDED_REFUSALS }, () => refused('already-redeemed', 0));
    spec
      .given([offered, redeemed, ...many])
      .when(redeem(), later(120))
      .thenThrows((e) => (e as { code: string; details?: { reason?: string } }).details?.reason === 'already-redeemed');
  });

  it('hands the credential over once per configuration, bound to the wallet key, only after redemption', () => {
    spec
      .given([offered])
      .when(deliver({ delivered: { notificationId: 'n-1' } }), { now: T })
      .thenThrows('issuance.wallet-offer.not-redeemed');
    spec
      .given([offered, redeemed])
      .when(deliver({ delivered: { notificationId: 'n-1' } }), { now: T })
      .then([delivered]);
    spec
      .given([offered, redeemed, delivered])
      .when(deliver({ delivered: { notificationId: 'n-2' } }), { now: T })
      .thenThrows('issuance.wallet-offer.already-delivered');
    spec
      .given([offered, redeemed])
      .when(deliver({ delivered: { notificationId: 'n-1' } }, 'mdoc'), { now: T })
      .thenThrows('issuance.wallet-offer.configuration-not-offered');
    spec
      .given([offered, redeemed])
      .when({ ...deliver({ delivered: { notificationId: 'n-1' } }), credentialLifecycle: 'revoked' }, { now: T })
      .thenThrows('issuance.wallet-offer.credential-not-valid');
  });

  it('defers a configuration once, then delivers it only to the same wallet key', () => {
    const deferred: WalletOfferEvent = {
      type: 'WalletDeliveryDeferred',
      data: {
        ...target(openBadge),
        holderJwk: HOLDER,
        transactionId: 'tx-1',
        deferredAt: T.toISOString(),
      },
    };
    spec
      .given([offered, redeemed])
      .when(deliver({ deferred: { transactionId: 'tx-1', holderJwk: HOLDER } }, openBadge), { now: T })
      .then([deferred]);
    spec
      .given([offered, redeemed, deferred])
      .when(deliver({ deferred: { transactionId: 'tx-2', holderJwk: HOLDER } }, openBadge), { now: T })
      .thenNothingHappened();
    spec
      .given([offered, redeemed, deferred])
      .when(deliver({ delivered: { notificationId: 'n-1' } }, openBadge, 'jkt-other'), { now: T })
      .thenThrows('issuance.wallet-offer.holder-key-mismatch');
    spec
      .given([offered, redeemed, deferred])
      .when(deliver({ delivered: { notificationId: 'n-1' } }, openBadge), { now: T })
      .thenState((s) =>
        expect(s?.deliveries[openBadge]).toEqual({ holderKeyThumbprint: 'jkt-1', notificationId: 'n-1', deliveredAt: T.toISOString() }),
      );
  });

  it("records the wallet's notifications of a delivered credential, once per event, and refuses an unknown notification id", () => {
    const notify = (notificationId: string) => ({
      type: 'RecordWalletNotification' as const,
      notificationId,
      event: 'credential_accepted' as const,
    });
    const notified: WalletOfferEvent = {
      type: 'WalletNotified',
      data: { offerId: 'offer-1', notificationId: 'n-1', event: 'credential_accepted', notifiedAt: T.toISOString() },
    };
    spec.given([offered, redeemed, delivered]).when(notify('n-1'), { now: T }).then([notified]);
    spec.given([offered, redeemed, delivered, notified]).when(notify('n-1'), { now: T }).thenNothingHappened();
    spec.given([offered, redeemed, delivered]).when(notify('n-9'), { now: T }).thenThrows('issuance.wallet-offer.notification-unknown');
  });

  it('records failed credential requests up to a bound, and knows no offer it was never given', () => {
    const fail = { type: 'RecordWalletDeliveryFailure' as const, error: 'invalid_proof', description: 'the proof nonce is stale' };
    spec
      .given([offered, redeemed])
      .when(fail, { now: T })
      .then([
        {
          type: 'WalletDeliveryFailed',
          data: { offerId: 'offer-1', error: 'invalid_proof', description: 'the proof nonce is stale', failedAt: T.toISOString() },
        },
      ]);
    const failures = Array.from({ length: MAX_RECORDED_REFUSALS }, () => ({
      type: 'WalletDeliveryFailed' as const,
      data: { offerId: 'offer-1', error: 'invalid_proof', description: 'x', failedAt: T.toISOString() },
    }));
    spec
      .given([offered, redeemed, ...failures])
      .when(fail, { now: T })
      .thenNothingHappened();
    spec.given([]).when(redeem(), { now: T }).thenThrows('issuance.wallet-offer.not-found');
  });
});
