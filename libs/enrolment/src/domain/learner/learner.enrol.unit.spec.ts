import { deciderSpecification } from '@alliance/event-sourcing';
import { AAU, BASICS, enrolCommand, enrolled, KTU, NOW, SPEC, specVersion } from '../__fixtures__/learner.fixture';
import { learnerDecider } from './learner.decider';

const spec = deciderSpecification(learnerDecider);
const at = { now: NOW };

describe('enrol a learner', () => {
  it('enrols in the current published version, pinning it', () => {
    spec.given([]).when(enrolCommand(), at).then(enrolled());
  });

  it('refuses a definition that was never published (unknown or draft)', () => {
    spec
      .given([])
      .when(enrolCommand({ spec: undefined }), at)
      .thenThrows('enrolment.spec-not-published');
  });

  it('refuses a retired definition', () => {
    spec
      .given([])
      .when(enrolCommand({ spec: specVersion({ status: 'retired' }) }), at)
      .thenThrows('enrolment.spec-retired');
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

  it('refuses an enrolling institution that does not award the credential', () => {
    spec
      .given([])
      .when(enrolCommand({ institutionId: KTU }), at)
      .thenThrows('enrolment.institution-not-awarding-body');
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

  it('refuses consent dated in the future', () => {
    spec
      .given([])
      .when(enrolCommand({ consent: { givenAt: '2026-03-02T00:00:00.000Z', textVersion: 'v1' } }), at)
      .thenThrows('enrolment.consent-in-future');
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
