import { deciderSpecification } from '@alliance/event-sourcing';
import { AAU, enrolCommand, enrolled, NOW, specVersion } from '../__fixtures__/learner.fixture';
import type { MemberStanding } from '../member-standing';
import { learnerDecider } from './learner.decider';

const spec = deciderSpecification(learnerDecider);
const at = { now: NOW };
const member = (status: MemberStanding['status']): MemberStanding => ({ institutionId: AAU, status });
const refusedAs = (code: string, standing: string) => (e: unknown) => {
  const error = e as { code: string; status: number; message: string };
  return error.code === code && error.status === 403 && error.message.includes(standing);
};

describe('a member out of good standing, in enrolment', () => {
  it.each([
    ['suspended', 'enrolment.member-suspended'],
    ['removed', 'enrolment.member-removed'],
  ] as const)(
    'refuses a %s enrolling institution new enrolments, and its staff withdrawals, transfers and erasures (403)',
    (status, code) => {
      spec
        .given([])
        .when(enrolCommand({ enrolling: member(status) }), at)
        .thenThrows(refusedAs(code, status));
      spec
        .given([enrolled()])
        .when({ type: 'Withdraw', enrolmentId: 'enr-1', reason: 'x', actingMember: member(status) }, at)
        .thenThrows(refusedAs(code, status));
      spec
        .given([enrolled()])
        .when(
          { type: 'Transfer', enrolmentId: 'enr-1', target: specVersion({ version: 2 }), reason: 'x', actingMember: member(status) },
          at,
        )
        .thenThrows(refusedAs(code, status));
      spec
        .given([enrolled()])
        .when({ type: 'Erase', reason: 'x', actingMember: member(status) }, at)
        .thenThrows(refusedAs(code, status));
    },
  );

  it('keeps pending members, and members enrolment has heard nothing of, on the rules they had', () => {
    spec
      .given([])
      .when(enrolCommand({ enrolling: member('pending') }), at)
      .then(enrolled());
    spec
      .given([])
      .when(enrolCommand({ enrolling: member('unknown') }), at)
      .then(enrolled());
  });

  it('lets the learner withdraw, and the alliance act, whatever the enrolling member became', () => {
    // No acting member: the learner or an alliance-admin asks, not the suspended institution's staff.
    spec
      .given([enrolled()])
      .when({ type: 'Withdraw', enrolmentId: 'enr-1', reason: 'moving on' }, at)
      .thenState((s) => expect(s.enrolments['enr-1']?.status).toBe('withdrawn'));
    spec
      .given([enrolled()])
      .when({ type: 'Transfer', enrolmentId: 'enr-1', target: specVersion({ version: 2 }), reason: 'new version' }, at)
      .thenState((s) => expect(s.enrolments['enr-1']?.specVersion).toBe(2));
  });
});
