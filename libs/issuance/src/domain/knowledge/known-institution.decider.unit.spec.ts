import { deciderSpecification } from '@alliance/event-sourcing';
import { knownInstitutionDecider } from './known-institution.decider';
import type { InstitutionLearned, KnownInstitutionEvent } from './knowledge.events';

const spec = deciderSpecification(knownInstitutionDecider);
const learned: InstitutionLearned = {
  type: 'InstitutionLearned',
  data: { institutionId: 'a', name: 'Aarhus', countryCode: 'DK', did: 'did:web:a.example', registeredAt: '2025-01-01T00:00:00.000Z' },
};
const key = {
  keyId: 'key-1',
  verificationMethodId: 'did:web:a.example#key-1',
  publicKeyMultibase: 'z1',
  custody: 'issuance-service' as const,
  validFrom: '2025-01-02T00:00:00.000Z',
};
const keyLearned: KnownInstitutionEvent = { type: 'RegisteredKeyLearned', data: { institutionId: 'a', key } };

describe('what issuance knows of an institution', () => {
  it('records the registration once', () => {
    spec.given([]).when({ type: 'LearnInstitution', profile: learned.data }).then([learned]);
    spec.given([learned]).when({ type: 'LearnInstitution', profile: learned.data }).thenNothingHappened();
  });

  it('records each key once, and a rotation closing its window', () => {
    spec.given([learned, keyLearned]).when({ type: 'LearnRegisteredKey', institutionId: 'a', key }).thenNothingHappened();
    spec
      .given([learned, keyLearned])
      .when({ type: 'LearnKeyWindow', institutionId: 'a', keyId: 'key-1', validUntil: '2026-01-01T00:00:00.000Z' })
      .thenState((s) => expect(s?.keys[0].validUntil).toBe('2026-01-01T00:00:00.000Z'));
  });

  it('keeps a key that arrives before the registration, and the status history in time order', () => {
    spec
      .given([
        keyLearned,
        learned,
        { type: 'MembershipStatusLearned', data: { institutionId: 'a', status: 'suspended', from: '2025-06-01T00:00:00.000Z' } },
      ])
      .when({ type: 'LearnMembershipStatus', institutionId: 'a', status: 'active', from: '2025-07-01T00:00:00.000Z' })
      .thenState((s) => {
        expect(s).toMatchObject({ name: 'Aarhus', status: 'active', keys: [key] });
        expect(s!.statusHistory.map((p) => p.status)).toEqual(['active', 'suspended', 'active']);
      });
  });
});
