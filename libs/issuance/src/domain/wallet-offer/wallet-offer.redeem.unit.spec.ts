import { deciderSpecification } from '@alliance/event-sourcing';
import { T, later, offer, offered, openBadge, redeem, redeemed, refused, registrar } from './__fixtures__/wallet-offer.fixture';
import { walletOfferDecider } from './wallet-offer.decider';
import { MAX_RECORDED_REFUSALS, MAX_WRONG_TX_CODES } from './wallet-offer.rules';

const spec = deciderSpecification(walletOfferDecider);

describe('a wallet offer, made and redeemed', () => {
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
});
