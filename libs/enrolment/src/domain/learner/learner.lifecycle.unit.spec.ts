import { deciderSpecification } from '@alliance/event-sourcing';
import { enrolled, LEARNER, NOW, SPEC, specVersion } from '../__fixtures__/learner.fixture';
import type { LearnerEvent } from './learner.events';
import { learnerDecider } from './learner.decider';

const spec = deciderSpecification(learnerDecider);
const at = { now: NOW };
const iso = NOW.toISOString();
const withdrawn: LearnerEvent = {
  type: 'EnrolmentWithdrawn',
  data: { learnerId: LEARNER, enrolmentId: 'enr-1', credentialSpecId: SPEC, specVersion: 1, reason: 'moved abroad', withdrawnAt: iso },
};
const completed: LearnerEvent = {
  type: 'EnrolmentCompleted',
  data: { learnerId: LEARNER, enrolmentId: 'enr-1', credentialSpecId: SPEC, specVersion: 1, credentialId: 'cred-1', completedAt: iso },
};

describe('withdraw', () => {
  it('withdraws an active enrolment with its reason', () => {
    spec.given([enrolled()]).when({ type: 'Withdraw', enrolmentId: 'enr-1', reason: 'moved abroad' }, at).then(withdrawn);
  });
  it('is a no-op when repeated', () => {
    spec.given([enrolled(), withdrawn]).when({ type: 'Withdraw', enrolmentId: 'enr-1', reason: 'again' }, at).thenNothingHappened();
  });
  it('refuses a completed enrolment', () => {
    spec
      .given([enrolled(), completed])
      .when({ type: 'Withdraw', enrolmentId: 'enr-1', reason: 'x' }, at)
      .thenThrows('enrolment.not-active');
  });
  it('answers 404 for an unknown enrolment', () => {
    spec
      .given([enrolled()])
      .when({ type: 'Withdraw', enrolmentId: 'nope', reason: 'x' }, at)
      .thenThrows((e) => (e as { status: number }).status === 404);
  });
});

describe('complete (a credential was issued)', () => {
  it('completes the named enrolment with the credential id', () => {
    spec
      .given([enrolled()])
      .when({ type: 'Complete', enrolmentId: 'enr-1', credentialSpecId: SPEC, credentialId: 'cred-1' }, at)
      .then(completed);
  });
  it('finds the active enrolment of the definition when issuance names none', () => {
    spec.given([enrolled()]).when({ type: 'Complete', credentialSpecId: SPEC, credentialId: 'cred-1', issuedAt: iso }, at).then(completed);
  });
  it('ignores a repeated or unrelated issuance', () => {
    spec
      .given([enrolled(), completed])
      .when({ type: 'Complete', enrolmentId: 'enr-1', credentialSpecId: SPEC, credentialId: 'cred-1' }, at)
      .thenNothingHappened();
    spec
      .given([enrolled(), withdrawn])
      .when({ type: 'Complete', credentialSpecId: SPEC, credentialId: 'cred-2' }, at)
      .thenNothingHappened();
    spec.given([]).when({ type: 'Complete', credentialSpecId: 'other', credentialId: 'cred-3' }, at).thenNothingHappened();
  });
});

describe('transfer to a newer version', () => {
  const v2 = specVersion({ version: 2 });
  it('moves the pinned version, recording both versions and the reason', () => {
    spec
      .given([enrolled()])
      .when({ type: 'Transfer', enrolmentId: 'enr-1', target: v2, reason: 'updated syllabus' }, at)
      .then({
        type: 'EnrolmentTransferred',
        data: {
          learnerId: LEARNER,
          enrolmentId: 'enr-1',
          credentialSpecId: SPEC,
          fromVersion: 1,
          toVersion: 2,
          reason: 'updated syllabus',
          transferredAt: iso,
        },
      });
  });
  it('refuses the same or an older version', () => {
    spec
      .given([enrolled()])
      .when({ type: 'Transfer', enrolmentId: 'enr-1', target: specVersion(), reason: 'r' }, at)
      .thenThrows('enrolment.transfer-not-newer');
  });
  it('refuses an unpublished or retired target', () => {
    spec
      .given([enrolled()])
      .when({ type: 'Transfer', enrolmentId: 'enr-1', target: undefined, toVersion: 3, reason: 'r' }, at)
      .thenThrows('enrolment.spec-not-published');
    spec
      .given([enrolled()])
      .when({ type: 'Transfer', enrolmentId: 'enr-1', target: specVersion({ version: 2, status: 'retired' }), reason: 'r' }, at)
      .thenThrows('enrolment.spec-retired');
  });
  it('refuses a withdrawn enrolment', () => {
    spec
      .given([enrolled(), withdrawn])
      .when({ type: 'Transfer', enrolmentId: 'enr-1', target: v2, reason: 'r' }, at)
      .thenThrows('enrolment.not-active');
  });
});

describe('erasure', () => {
  it('withdraws open enrolments, then records the erasure', () => {
    spec
      .given([enrolled()])
      .when({ type: 'Erase', reason: 'GDPR art. 17 request' }, at)
      .then([
        {
          type: 'EnrolmentWithdrawn',
          data: {
            learnerId: LEARNER,
            enrolmentId: 'enr-1',
            credentialSpecId: SPEC,
            specVersion: 1,
            reason: 'learner data erased on request',
            withdrawnAt: iso,
          },
        },
        { type: 'LearnerErased', data: { learnerId: LEARNER, reason: 'GDPR art. 17 request', erasedAt: iso } },
      ]);
  });
  it('leaves completed enrolments as they are', () => {
    spec
      .given([enrolled(), completed])
      .when({ type: 'Erase', reason: 'request' }, at)
      .then({ type: 'LearnerErased', data: { learnerId: LEARNER, reason: 'request', erasedAt: iso } });
  });
  it('is a no-op the second time, and 404 for a learner never seen', () => {
    const erased: LearnerEvent = { type: 'LearnerErased', data: { learnerId: LEARNER, reason: 'r', erasedAt: iso } };
    spec.given([enrolled(), erased]).when({ type: 'Erase', reason: 'again' }, at).thenNothingHappened();
    spec.given([]).when({ type: 'Erase', reason: 'r' }, at).thenThrows('enrolment.learner-not-found');
  });
});
