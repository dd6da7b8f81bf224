import { allianceAdmin, decide, ID, ownAdmin, spec, stateAfter, T0, T1, withFirstKey } from '../__fixtures__/institution-history.fixture';
import { rejected } from '../__fixtures__/rejected';
import type { InstitutionCommand } from './institution.commands';
import type { InstitutionEvent, SigningKeyRecord } from './institution.events';
import { keyCoversInstant } from './signing-keys';

const revoke = (extra: Partial<Extract<InstitutionCommand, { type: 'RevokeSigningKey' }>> = {}): InstitutionCommand => ({
  type: 'RevokeSigningKey',
  institutionId: ID,
  keyId: 'key-1',
  reason: 'retired',
  ...extra,
});
const COMPROMISED_SINCE = '2026-02-01T00:00:00.000Z';
const keyAfter = (events: InstitutionEvent[]): SigningKeyRecord => stateAfter(events)!.keys[0];

describe('institution keys: revocation', () => {
  it('retires a key without compromise: it ends at the revocation, signatures before it stay valid', () => {
    const { history } = withFirstKey();
    spec
      .given(history)
      .when(revoke({ reason: 'moved to the HSM' }), ownAdmin(T1))
      .then({
        type: 'SigningKeyRevoked',
        data: { institutionId: ID, keyId: 'key-1', reason: 'moved to the HSM', revokedAt: T1.toISOString() },
      });
    spec
      .given(history)
      .when(revoke({ reason: 'moved to the HSM' }), ownAdmin(T1))
      .thenState((s) =>
        expect(s?.keys[0]).toMatchObject({
          validUntil: T1.toISOString(),
          revokedAt: T1.toISOString(),
          revocationReason: 'moved to the HSM',
        }),
      );
  });

  it('keeps an earlier planned end when retiring', () => {
    const { history } = withFirstKey();
    const added = history.find((e) => e.type === 'SigningKeyAdded')!;
    const planned = {
      ...added,
      data: { ...added.data, key: { ...(added.data as { key: SigningKeyRecord }).key, validUntil: '2026-02-01T00:00:00.000Z' } },
    } as InstitutionEvent;
    const withPlannedEnd = history.map((e) => (e === added ? planned : e));
    spec
      .given(withPlannedEnd)
      .when(revoke(), ownAdmin(T1))
      .thenState((s) => expect(s?.keys[0].validUntil).toBe('2026-02-01T00:00:00.000Z'));
  });

  it('revokes for a compromise that began in the past: the key record keeps compromisedSince', () => {
    const { history } = withFirstKey();
    spec
      .given(history)
      .when(revoke({ reason: 'laptop stolen', compromisedSince: '2026-02-01T01:00:00+01:00' }), ownAdmin(T1))
      .then({
        type: 'SigningKeyRevoked',
        data: {
          institutionId: ID,
          keyId: 'key-1',
          reason: 'laptop stolen',
          revokedAt: T1.toISOString(),
          compromisedSince: COMPROMISED_SINCE,
        },
      });
    spec
      .given(history)
      .when(revoke({ reason: 'laptop stolen', compromisedSince: COMPROMISED_SINCE }), ownAdmin(T1))
      .thenState((s) => expect(s?.keys[0]).toMatchObject({ compromisedSince: COMPROMISED_SINCE, revokedAt: T1.toISOString() }));
  });

  it('refuses a compromise in the future or not an instant, a key already revoked, an unknown key, and no reason', () => {
    const { history } = withFirstKey();
    const revoked = [...history, ...decide(history, revoke(), ownAdmin(T1))];
    const refusals: [InstitutionEvent[], Parameters<typeof revoke>[0], ReturnType<typeof rejected>][] = [
      [history, { compromisedSince: '2026-03-01T12:00:01Z' }, rejected('key.compromised-since-future', 422, 'compromisedSince')],
      [history, { compromisedSince: 'last tuesday' }, rejected('key.compromised-since-format', 422, 'compromisedSince')],
      [revoked, { compromisedSince: COMPROMISED_SINCE }, rejected('key.already-revoked', 409, 'keyId')],
      [history, { keyId: 'key-9' }, rejected('signing-key-not-found', 404, 'keyId')],
      [history, { reason: ' ' }, rejected('reason.required', 422, 'reason')],
    ];
    for (const [given, change, refusal] of refusals) spec.given(given).when(revoke(change), ownAdmin(T1)).thenThrows(refusal);
  });

  it('lets a former member declare a compromise, since that only withdraws trust', () => {
    const { history } = withFirstKey();
    const removed = [...history, ...decide(history, { type: 'RemoveInstitution', reason: 'left' }, allianceAdmin)];
    spec
      .given(removed)
      .when(revoke({ compromisedSince: COMPROMISED_SINCE }), ownAdmin(T1))
      .thenState((s) => expect(s?.keys[0].compromisedSince).toBe(COMPROMISED_SINCE));
  });
});

describe('keyCoversInstant around compromisedSince', () => {
  const { history } = withFirstKey();
  const compromised = keyAfter([...history, ...decide(history, revoke({ compromisedSince: COMPROMISED_SINCE }), ownAdmin(T1))]);
  const retired = keyAfter([...history, ...decide(history, revoke(), ownAdmin(T1))]);

  it.each([
    ['before it existed', '2026-01-10T08:59:59.999Z', false, false],
    ['after it started, before the compromise', '2026-01-31T23:59:59.999Z', true, true],
    ['at the compromise', COMPROMISED_SINCE, false, true],
    ['between the compromise and the revocation', '2026-02-20T00:00:00.000Z', false, true],
    ['at the revocation', T1.toISOString(), false, false],
  ])('%s (%s): compromised %s, retired %s', (_when, at, compromisedCovers, retiredCovers) => {
    expect(keyCoversInstant(compromised, at)).toBe(compromisedCovers);
    expect(keyCoversInstant(retired, at)).toBe(retiredCovers);
  });

  it('starts from the key as registered at T0', () => {
    expect(compromised.validFrom).toBe(T0.toISOString());
  });
});
