import { deciderSpecification } from '@alliance/event-sourcing';
import { granted, NOW, opened, recorded } from '../__fixtures__/award.fixture';
import { jointGrades, jointSpec, result, UNI_A, UNI_B } from '../__fixtures__/specs.fixture';
import { awardDecider } from './award.decider';
import type { AwardCommand, EvaluationInputs } from './award.commands';
import type { AwardEvent } from './award.events';

/** Awards that wait: for an awarding body out of good standing, and for a final revocation to be lifted. */
const spec = deciderSpecification(awardDecider);
const active = { [UNI_A]: 'active', [UNI_B]: 'active' } as const;
const base = { spec: jointSpec, nextCredentialId: 'cred-2', standing: active };

const evaluate = (inputs: EvaluationInputs): AwardCommand => ({ type: 'EvaluateAward', awardId: 'enr-1', ...inputs });
const evaluatedNow = { now: new Date(NOW) };

const passedBoth = [opened, recorded(result('SES-1', 8)), recorded(result('SES-2', 7))];
const failedB = { ...result('SES-2', 2, undefined, false), amendmentReason: 'remarked' };
const passedB = { ...result('SES-2', 7), amendmentReason: 'remarked again' };

describe('awards waiting for an awarding body', () => {
  it.each(['suspended', 'removed'] as const)(
    'grants nothing while an awarding body is %s, and grants once it is active again',
    (status) => {
      const held = { ...base, standing: { ...active, [UNI_B]: status } };
      spec
        .given([opened, recorded(result('SES-1', 8))])
        .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: result('SES-2', 7), ...held })
        .then([recorded(result('SES-2', 7))]);
      spec.given(passedBoth).when(evaluate(held), evaluatedNow).thenNothingHappened();
      spec
        .given(passedBoth)
        .when(evaluate(base), evaluatedNow)
        .then([granted('cred-2')]);
    },
  );

  it('holds a re-issue too, but still rescinds an award whose rule no longer holds', () => {
    const suspendedB = { ...base, standing: { ...active, [UNI_B]: 'suspended' as const } };
    const awarded = [...passedBoth, granted('cred-1')];
    spec
      .given(awarded)
      .when({
        type: 'RecordComponentResult',
        awardId: 'enr-1',
        result: { ...result('SES-2', 9), amendmentReason: 'remarked' },
        ...suspendedB,
      })
      .then([recorded({ ...result('SES-2', 9), amendmentReason: 'remarked' })]);
    spec
      .given(awarded)
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: failedB, ...suspendedB })
      .then([
        recorded(failedB),
        {
          type: 'AwardRescinded',
          data: { awardId: 'enr-1', credentialId: 'cred-1', reason: 'remarked; rule no longer met: component-failed (SES-2)' },
        },
      ]);
  });

  it('keeps a pending awarding body, or one issuance has not learnt of, on the old rules', () => {
    spec
      .given(passedBoth)
      .when(evaluate({ ...base, standing: { [UNI_A]: 'active', [UNI_B]: 'pending' } }), evaluatedNow)
      .then([granted('cred-2')]);
    spec
      .given(passedBoth)
      .when(evaluate({ ...base, standing: {} }), evaluatedNow)
      .then([granted('cred-2')]);
  });
});

describe('awards after a revocation for good', () => {
  const awarded = [...passedBoth, granted('cred-1')];
  const barred = { ...base, finalRevocation: { credentialId: 'cred-1', lifted: false } };
  const lifted = { ...base, finalRevocation: { credentialId: 'cred-1', lifted: true } };
  const grantedAfterLift = granted('cred-2', jointGrades(8, 7), {
    supersedes: 'cred-1',
    reason: 'awarded again after the final revocation of urn:uuid:cred-1 was lifted',
  });

  it('grants nothing when the results go to a fail and back to a pass, and rescinds nothing either', () => {
    spec
      .given(awarded)
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: failedB, ...barred })
      .then([recorded(failedB)]);
    spec
      .given([...awarded, recorded(failedB)])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: passedB, ...barred })
      .then([recorded(passedB)]);
  });

  it('grants nothing on a changed grade either: the revoked credential is not superseded behind the revocation', () => {
    const better = { ...result('SES-2', 9), amendmentReason: 'remarked' };
    spec
      .given(awarded)
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: better, ...barred })
      .then([recorded(better)]);
  });

  it('once lifted, grants a credential that names the revoked one as the one it replaces', () => {
    spec
      .given([...awarded, recorded(failedB), recorded(passedB)])
      .when(evaluate(lifted), evaluatedNow)
      .then([grantedAfterLift]);
    // The results never changed: the lift alone lets the award be granted again.
    spec.given(awarded).when(evaluate(lifted), evaluatedNow).then([grantedAfterLift]);
  });

  it('bars a new enrolment of the same learner too, and links its first credential to the revoked one once lifted', () => {
    spec.given(passedBoth).when(evaluate(barred), evaluatedNow).thenNothingHappened();
    spec.given(passedBoth).when(evaluate(lifted), evaluatedNow).then([grantedAfterLift]);
  });

  it('after the replacement, behaves as before: a later rescission and pass grant without naming the revoked one again', () => {
    const replaced = [...awarded, granted('cred-2', jointGrades(8, 7), { supersedes: 'cred-1' })];
    spec
      .given([...replaced, recorded(failedB)])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: passedB, ...lifted, nextCredentialId: 'cred-3' })
      .then([recorded(passedB)]);
    const rescinded: AwardEvent = { type: 'AwardRescinded', data: { awardId: 'enr-1', credentialId: 'cred-2', reason: 'x' } };
    spec
      .given([...replaced, recorded(failedB), rescinded])
      .when(
        { type: 'RecordComponentResult', awardId: 'enr-1', result: passedB, ...lifted, nextCredentialId: 'cred-3' },
        { now: new Date(NOW) },
      )
      .then([recorded(passedB), granted('cred-3')]);
  });
});
