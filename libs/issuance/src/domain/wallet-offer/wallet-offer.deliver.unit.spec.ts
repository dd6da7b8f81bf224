import { deciderSpecification } from '@alliance/event-sourcing';
import { HOLDER, T, deliver, delivered, offered, openBadge, redeem, redeemed, target } from './__fixtures__/wallet-offer.fixture';
import { walletOfferDecider } from './wallet-offer.decider';
import type { WalletOfferEvent } from './wallet-offer.events';
import { MAX_RECORDED_REFUSALS } from './wallet-offer.rules';

const spec = deciderSpecification(walletOfferDecider);

describe('a wallet offer, delivered', () => {
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
