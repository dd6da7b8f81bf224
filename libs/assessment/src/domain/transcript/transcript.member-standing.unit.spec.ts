import { deciderSpecification } from '@alliance/event-sourcing';
import { AAU, input, numericSpec, publishCommand, published, registrarOf } from '../__fixtures__/transcript.fixture';
import type { MemberStanding } from '../member-standing';
import { rejectedResults, transcriptDecider } from './transcript.decider';

const spec = deciderSpecification(transcriptDecider);
const aau = registrarOf(AAU);
const member = (status: MemberStanding['status']): MemberStanding => ({ institutionId: AAU, status });
const refusedAs = (status: string) => (e: unknown) => {
  const error = e as { code: string; status: number; message: string };
  return error.code === `assessment.member-${status}` && error.status === 403 && error.message.includes(status);
};

describe('a member out of good standing, in assessment', () => {
  it.each(['suspended', 'removed'] as const)(
    'refuses a %s member publishing a result, alone or in a batch, and amending one (403 naming its standing)',
    (status) => {
      spec
        .given([])
        .when(publishCommand([input()], { actingMember: member(status) }), aau)
        .thenThrows(refusedAs(status));
      spec
        .given([])
        .when(publishCommand([input(), input({ resultId: 'res-2', componentCode: 'LAB-110' })], { actingMember: member(status) }), aau)
        .thenThrows(refusedAs(status));
      spec
        .given([published()])
        .when(
          {
            type: 'AmendResult',
            resultId: 'res-1',
            amendmentId: 'am-1',
            spec: numericSpec,
            changes: { grade: 40 },
            reason: 'remarked',
            actingMember: member(status),
          },
          aau,
        )
        .thenThrows(refusedAs(status));
    },
  );

  it('keeps pending members, and members assessment has heard nothing of, on the rules they had', () => {
    spec
      .given([])
      .when(publishCommand([input()], { actingMember: member('pending') }), aau)
      .then(published());
    spec
      .given([])
      .when(publishCommand([input()], { actingMember: member('unknown') }), aau)
      .then(published());
  });
});

describe('one result id, one result', () => {
  it('refuses a result id already recorded for another enrolment, naming it', () => {
    spec
      .given([])
      .when(publishCommand([input()], { recordedElsewhere: { 'res-1': 'enr-7' } }), aau)
      .thenThrows(
        (e) => (e as { code: string; status: number }).code === 'assessment.result-id-reused' && /enr-7/.test((e as Error).message),
      );
  });

  it('refuses only the reused ids of a multi-result command, by position', () => {
    spec
      .given([])
      .when(
        publishCommand([input(), input({ resultId: 'res-2', componentCode: 'LAB-110' })], { recordedElsewhere: { 'res-2': 'enr-7' } }),
        aau,
      )
      .thenThrows((e) => {
        const rejections = rejectedResults(e) ?? [];
        return rejections.length === 1 && rejections[0].index === 1 && rejections[0].code === 'assessment.result-id-reused';
      });
  });

  it('takes a result id recorded for this very enrolment as a replay, not a reuse', () => {
    spec
      .given([published()])
      .when(publishCommand([input()], { recordedElsewhere: { 'res-1': 'enr-1' } }), aau)
      .thenNothingHappened();
  });

  it('records one result when a command names the same result id twice with the same facts, and refuses it with other facts', () => {
    spec
      .given([])
      .when(publishCommand([input(), input()]), aau)
      .then(published());
    spec
      .given([])
      .when(publishCommand([input(), input({ componentCode: 'LAB-110' })]), aau)
      .thenThrows((e) => rejectedResults(e)?.[0]?.code === 'assessment.result-id-reused');
  });
});
