import { deciderSpecification } from '@alliance/event-sourcing';
import { AAU, DCU, enrolCommand, enrolled, KTU, LEARNER, NOW } from '../__fixtures__/learner.fixture';
import { holdsLearner, institutionsHolding, requireMayErase } from './learner-control.rules';
import { learnerDecider } from './learner.decider';
import type { LearnerEvent } from './learner.events';
import { evolveLearner, initialLearnerState, type LearnerState } from './learner.state';

const spec = deciderSpecification(learnerDecider);
const at = { now: NOW };
const authorised = (institutionId: string): LearnerEvent => ({
  type: 'InstitutionAuthorised',
  data: { learnerId: LEARNER, institutionId, authorisedAt: NOW.toISOString() },
});
const stateOf = (events: LearnerEvent[]): LearnerState => events.reduce(evolveLearner, initialLearnerState());
const status = (e: unknown) => (e as { status: number }).status;
const code = (e: unknown) => (e as { code: string }).code;

describe('who holds a learner', () => {
  it('is every enrolling institution and every institution the learner authorised, once each', () => {
    const state = stateOf([enrolled(), enrolled({ enrolmentId: 'enr-2', credentialSpecId: 'spec-grid' }), authorised(DCU)]);
    expect(institutionsHolding(state)).toEqual([AAU, DCU]);
    expect(holdsLearner(state, KTU)).toBe(false);
  });
});

describe('enrolling an existing learner', () => {
  it('is refused as an unknown learner (404) to an institution that does not hold them', () => {
    spec
      .given([enrolled()])
      .when(enrolCommand({ enrolmentId: 'enr-2', institutionId: DCU, enrolling: { institutionId: DCU, status: 'active' } }), at)
      .thenThrows((e) => status(e) === 404 && code(e) === 'enrolment.learner-not-found');
  });

  it('is allowed once the learner authorised that institution', () => {
    spec
      .given([enrolled(), authorised(DCU)])
      .when(
        enrolCommand({
          enrolmentId: 'enr-2',
          credentialSpecId: 'spec-energy',
          institutionId: DCU,
          enrolling: { institutionId: DCU, status: 'active' },
        }),
        at,
      )
      .thenThrows('enrolment.duplicate-active-enrolment');
    spec
      .given([
        enrolled(),
        {
          type: 'EnrolmentWithdrawn',
          data: {
            learnerId: LEARNER,
            enrolmentId: 'enr-1',
            credentialSpecId: 'spec-energy',
            specVersion: 1,
            reason: 'x',
            withdrawnAt: NOW.toISOString(),
          },
        },
        authorised(DCU),
      ])
      .when(enrolCommand({ enrolmentId: 'enr-2', institutionId: DCU, enrolling: { institutionId: DCU, status: 'active' } }), at)
      .then(enrolled({ enrolmentId: 'enr-2', institutionId: DCU }));
  });

  it('answers an erased learner as erased only to an institution that held them', () => {
    const erased: LearnerEvent = { type: 'LearnerErased', data: { learnerId: LEARNER, reason: 'request', erasedAt: NOW.toISOString() } };
    spec
      .given([enrolled(), erased])
      .when(enrolCommand({ enrolmentId: 'enr-2' }), at)
      .thenThrows('enrolment.learner-erased');
    spec
      .given([enrolled(), erased])
      .when(enrolCommand({ enrolmentId: 'enr-2', institutionId: DCU, enrolling: { institutionId: DCU, status: 'active' } }), at)
      .thenThrows('enrolment.learner-not-found');
  });
});

describe('the learner authorises an institution', () => {
  it('records it once', () => {
    spec.given([enrolled()]).when({ type: 'AuthoriseInstitution', institutionId: DCU }, at).then(authorised(DCU));
    spec
      .given([enrolled(), authorised(DCU)])
      .when({ type: 'AuthoriseInstitution', institutionId: DCU }, at)
      .thenNothingHappened();
    spec.given([enrolled()]).when({ type: 'AuthoriseInstitution', institutionId: AAU }, at).thenNothingHappened();
  });

  it('is refused for an unknown learner', () => {
    spec
      .given([])
      .when({ type: 'AuthoriseInstitution', institutionId: DCU }, at)
      .thenThrows((e) => status(e) === 404);
  });
});

describe('who may erase', () => {
  const onlyAau = stateOf([enrolled()]);
  const shared = stateOf([enrolled(), authorised(DCU)]);
  const attempt = (state: LearnerState, requester: Parameters<typeof requireMayErase>[2]) => () =>
    requireMayErase(state, LEARNER, requester);

  it('the learner themselves and the alliance, always', () => {
    expect(attempt(shared, { kind: 'learner', learnerId: LEARNER })).not.toThrow();
    expect(attempt(shared, { kind: 'alliance' })).not.toThrow();
  });

  it('the admin of the only institution holding the learner; a registrar there is forbidden', () => {
    expect(attempt(onlyAau, { kind: 'institution', institutionId: AAU, mayErase: true })).not.toThrow();
    expect(attempt(onlyAau, { kind: 'institution', institutionId: AAU, mayErase: false })).toThrow(
      expect.objectContaining({ status: 403, code: 'enrolment.erasure-not-allowed' }),
    );
  });

  it('not an institution for the others holding the learner too (409)', () => {
    expect(attempt(shared, { kind: 'institution', institutionId: AAU, mayErase: true })).toThrow(
      expect.objectContaining({ status: 409, code: 'enrolment.erasure-shared-learner' }),
    );
    expect(attempt(shared, { kind: 'institution', institutionId: DCU, mayErase: true })).toThrow(expect.objectContaining({ status: 409 }));
  });

  it('answers another learner, an unrelated institution and an unknown learner alike: 404', () => {
    const notFound = expect.objectContaining({ status: 404, code: 'enrolment.learner-not-found' });
    expect(attempt(onlyAau, { kind: 'learner', learnerId: 'someone-else' })).toThrow(notFound);
    expect(attempt(onlyAau, { kind: 'institution', institutionId: KTU, mayErase: true })).toThrow(notFound);
    expect(attempt(initialLearnerState(), { kind: 'alliance' })).toThrow(notFound);
  });
});
