import { deciderSpecification } from '@alliance/event-sourcing';
import { T, later, learner, revoke, revoked, share, shared } from './__fixtures__/credential-share.fixture';
import { credentialSharesDecider } from './credential-share.decider';
import { MAX_SHARES_PER_CREDENTIAL, shareStanding } from './credential-share.rules';

const spec = deciderSpecification(credentialSharesDecider);

describe("a credential's links", () => {
  it('are made for an issued credential, open thirty days unless the learner chooses, each once', () => {
    spec.given([]).when(share(), learner).then([shared()]);
    spec
      .given([])
      .when(share({ expiresInDays: 1 }), learner)
      .thenState((s) => expect(s?.shares['share-1']?.expiresAt).toBe('2026-05-02T10:00:00.000Z'));
    spec.given([shared()]).when(share(), learner).thenThrows('issuance.credential-share.exists');
    spec
      .given([shared()])
      .when(share({ shareId: 'share-2' }), learner)
      .thenState((s) => expect(Object.keys(s?.shares ?? {})).toEqual(['share-1', 'share-2']));
  });

  it('are refused for a credential not issued (still collecting proofs, suspended or revoked)', () => {
    for (const credentialLifecycle of ['collecting-proofs', 'suspended', 'revoked']) {
      spec.given([]).when(share({ credentialLifecycle }), learner).thenThrows('issuance.credential-share.credential-not-issued');
    }
  });

  it('refuse a lifetime outside one day to a year, naming the field', () => {
    for (const expiresInDays of [0, 366, 1.5]) {
      spec
        .given([])
        .when(share({ expiresInDays }), learner)
        .thenThrows((e) => (e as { field?: string; code: string }).code === 'issuance.credential-share.lifetime-out-of-range');
    }
  });

  it('stop at a bound per credential, withdrawn ones included', () => {
    const many = Array.from({ length: MAX_SHARES_PER_CREDENTIAL }, (_, i) => shared(`share-${i}`));
    spec
      .given(many)
      .when(share({ shareId: 'one-more' }), learner)
      .thenThrows('issuance.credential-share.too-many');
  });

  it('are withdrawn once; withdrawing again changes nothing; an unknown link is not found', () => {
    spec.given([shared()]).when(revoke(), learner).then([revoked()]);
    spec.given([shared(), revoked()]).when(revoke(), later(1)).thenNothingHappened();
    spec.given([shared()]).when(revoke('share-9'), learner).thenThrows('issuance.credential-share.not-found');
    spec.given([]).when(revoke(), learner).thenThrows('issuance.credential-share.not-found');
  });

  it('stand active until they expire or are withdrawn', () => {
    const link = { shareId: 'share-1', sharedAt: T.toISOString(), expiresAt: '2026-05-31T10:00:00.000Z' };
    expect(shareStanding(link, later(29).now)).toBe('active');
    expect(shareStanding(link, later(30).now)).toBe('expired');
    expect(shareStanding({ ...link, revokedAt: T.toISOString() }, later(1).now)).toBe('revoked');
  });
});
