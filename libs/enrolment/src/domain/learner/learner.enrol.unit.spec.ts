import { deciderSpecification } from '@alliance/event-sourcing';
import { AAU, BASICS, enrolCommand, enrolled, KTU, NOW, SPEC, specVersion } from '../__fixtures__/learner.fixture';
import type { Enrol } from './learner.commands';
import { learnerDecider } from './learner.decider';

const spec = deciderSpecification(learnerDecider);
const at = { now: NOW };

describe('enrol a learner', () => {
  it('enrols in the current published version, pinning it', () => {
    spec.given([]).when(enrolCommand(), at).then(enrolled());
  });

  it.each<[string, Partial<Enrol>, string]>([
    ['a definition that was never published (unknown or draft)', { spec: undefined }, 'enrolment.spec-not-published'],
    ['a retired definition', { spec: specVersion({ status: 'retired' }) }, 'enrolment.spec-retired'],
    ['an enrolling institution that does not award the credential', { institutionId: KTU }, 'enrolment.institution-not-awarding-body'],
    ['consent dated in the future', { consent: { givenAt: '2026-03-02T00:00:00.000Z', textVersion: 'v1' } }, 'enrolment.consent-in-future'],
  ])('refuses %s', (_case, over, code) => {
    spec.given([]).when(enrolCommand(over), at).thenThrows(code);
  });

  it('refuses a superseded version', () => {
    spec
      .given([])
      .when(enrolCommand({ spec: specVersion({ status: 'superseded' }), requestedVersion: 1 }), at)
      .thenThrows(
        (e) =>
          (e as { code: string; field: string }).code === 'enrolment.spec-version-superseded' &&
          (e as { field: string }).field === 'specVersion',
      );
  });

  it('refuses a second active enrolment in the same definition, whatever the version', () => {
    spec
      .given([enrolled()])
      .when(enrolCommand({ enrolmentId: 'enr-2', spec: specVersion({ version: 2 }) }), at)
      .thenThrows(
        (e) =>
          (e as { status: number; code: string }).status === 409 && (e as { code: string }).code === 'enrolment.duplicate-active-enrolment',
      );
  });

  it('allows a new enrolment once the previous one was withdrawn', () => {
    const withdrawn = {
      type: 'EnrolmentWithdrawn' as const,
      data: {
        learnerId: 'learner-1',
        enrolmentId: 'enr-1',
        credentialSpecId: SPEC,
        specVersion: 1,
        reason: 'moved',
        withdrawnAt: NOW.toISOString(),
      },
    };
    spec
      .given([enrolled(), withdrawn])
      .when(enrolCommand({ enrolmentId: 'enr-2' }), at)
      .then(enrolled({ enrolmentId: 'enr-2' }));
  });

  it('treats a retried request with the same enrolment id as done', () => {
    spec.given([enrolled()]).when(enrolCommand(), at).thenNothingHappened();
  });

  describe('prerequisites', () => {
    const withPrerequisite = specVersion({ requiredCredentialSpecIds: [BASICS] });

    it('names the missing prior credential', () => {
      spec
        .given([])
        .when(enrolCommand({ spec: withPrerequisite }), at)
        .thenThrows((e) => {
          const err = e as { code: string; details: { missingCredentialSpecIds: string[] }; message: string };
          return (
            err.code === 'enrolment.prerequisites-not-met' &&
            err.details.missingCredentialSpecIds[0] === BASICS &&
            err.message.includes(BASICS)
          );
        });
    });

    it('records which held credential satisfied it', () => {
      spec
        .given([])
        .when(enrolCommand({ spec: withPrerequisite, heldCredentials: [{ credentialSpecId: BASICS, credentialId: 'cred-9' }] }), at)
        .then(enrolled({ prerequisitesMet: [{ credentialSpecId: BASICS, credentialId: 'cred-9' }] }));
    });
  });

  it('refuses to enrol an erased learner', () => {
    const erased = { type: 'LearnerErased' as const, data: { learnerId: 'learner-1', reason: 'request', erasedAt: NOW.toISOString() } };
    spec
      .given([enrolled(), erased])
      .when(enrolCommand({ enrolmentId: 'enr-2' }), at)
      .thenThrows('enrolment.learner-erased');
  });

  it('keeps the state per enrolment', () => {
    spec
      .given([])
      .when(enrolCommand(), at)
      .thenState((s) =>
        expect(s.enrolments['enr-1']).toEqual({
          enrolmentId: 'enr-1',
          credentialSpecId: SPEC,
          specVersion: 1,
          institutionId: AAU,
          status: 'active',
        }),
      );
  });
});
