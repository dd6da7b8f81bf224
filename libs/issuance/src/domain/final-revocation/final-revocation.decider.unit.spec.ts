import { deciderSpecification } from '@alliance/event-sourcing';
import { UNI_A, UNI_B } from '../__fixtures__/specs.fixture';
import type { RecordFinalRevocation } from './final-revocation.commands';
import { finalRevocationDecider } from './final-revocation.decider';
import type { FinalRevocationEvent } from './final-revocation.events';

const spec = deciderSpecification(finalRevocationDecider);
const T = new Date('2026-05-01T00:00:00.000Z');
const adminOfA = { now: T, actor: { subject: 'admin-a', role: 'institution-admin', institution: UNI_A } };
const record = (credentialId: string): RecordFinalRevocation => ({
  type: 'RecordFinalRevocation',
  learnerId: 'learner-1',
  specId: 'spec-joint',
  credentialId,
  awardingBodies: [UNI_A, UNI_B],
  revokedBy: UNI_B,
  reason: 'diploma fraud',
});
const recorded = (credentialId: string): FinalRevocationEvent => {
  const { type: _t, ...data } = record(credentialId);
  return { type: 'FinalRevocationRecorded', data: { ...data, recordedAt: T.toISOString() } };
};
const lifted: FinalRevocationEvent = {
  type: 'FinalRevocationLifted',
  data: {
    learnerId: 'learner-1',
    specId: 'spec-joint',
    credentialId: 'cred-1',
    liftedBy: { subject: 'admin-a', institutionId: UNI_A },
    reason: 'appeal upheld',
    liftedAt: T.toISOString(),
  },
};
const lift = (
  institutionId = UNI_A,
  standing: 'active' | 'suspended' | 'removed' = 'active',
  credentialId = 'cred-1',
  reason = 'appeal upheld',
) => ({
  type: 'LiftFinalRevocation' as const,
  credentialId,
  reason,
  by: { institutionId, standing },
});

describe('a final revocation', () => {
  it('is recorded once, however often the revocation is reported, and a late report of an older one changes nothing', () => {
    spec
      .given([])
      .when(record('cred-1'), { now: T })
      .then([recorded('cred-1')]);
    spec
      .given([recorded('cred-1')])
      .when(record('cred-1'), { now: T })
      .thenNothingHappened();
    spec
      .given([recorded('cred-1'), lifted, recorded('cred-2')])
      .when(record('cred-1'), { now: T })
      .thenNothingHappened();
    spec
      .given([recorded('cred-1'), lifted])
      .when(record('cred-2'), { now: T })
      .thenState((s) => expect([s?.credentialId, s?.lifted, s?.history]).toEqual(['cred-2', undefined, ['cred-1', 'cred-2']]));
  });

  it("is lifted by an awarding body's admin, with who and why", () => {
    spec
      .given([recorded('cred-1')])
      .when(lift(), adminOfA)
      .then([lifted]);
  });

  it('refuses a lift by a non-awarding institution (403), by a suspended or removed one (403 naming its standing), without a reason (422)', () => {
    spec
      .given([recorded('cred-1')])
      .when(lift('uni-z'), adminOfA)
      .thenThrows('issuance.final-revocation.not-awarding-body');
    for (const standing of ['suspended', 'removed'] as const) {
      spec
        .given([recorded('cred-1')])
        .when(lift(UNI_A, standing), adminOfA)
        .thenThrows(
          (e) => (e as { code: string; status: number }).code === `issuance.member-${standing}` && (e as { status: number }).status === 403,
        );
    }
    spec
      .given([recorded('cred-1')])
      .when(lift(UNI_A, 'active', 'cred-1', '  '), adminOfA)
      .thenThrows('issuance.final-revocation.reason-required');
  });

  it('refuses to lift what was never revoked for good, or was lifted already (409)', () => {
    spec.given([]).when(lift(), adminOfA).thenThrows('issuance.final-revocation.none');
    spec
      .given([recorded('cred-1')])
      .when(lift(UNI_A, 'active', 'cred-9'), adminOfA)
      .thenThrows('issuance.final-revocation.none');
    spec
      .given([recorded('cred-1'), lifted])
      .when(lift(), adminOfA)
      .thenThrows('issuance.final-revocation.already-lifted');
  });
});
