import { deciderSpecification } from '@alliance/event-sourcing';
import { AAU, DCU, NOW, numericSpec, published, registrarOf, resultIdentity } from '../__fixtures__/transcript.fixture';
import type { AmendResult } from './transcript.commands';
import type { ResultAmended } from './transcript.events';
import { transcriptDecider } from './transcript.decider';

const spec = deciderSpecification(transcriptDecider);
const aau = registrarOf(AAU);
const amend = (over: Partial<AmendResult> = {}): AmendResult => ({
  type: 'AmendResult',
  resultId: 'res-1',
  amendmentId: 'am-1',
  spec: numericSpec,
  changes: { grade: 45 },
  reason: 'marking error found on review',
  actingMember: { institutionId: AAU, status: 'active' },
  ...over,
});
const amended = (over: Partial<ResultAmended['data']> = {}): ResultAmended => ({
  type: 'ResultAmended',
  data: {
    ...resultIdentity,
    amendmentId: 'am-1',
    grade: 45,
    passed: false,
    assessedOn: '2026-06-10',
    assessmentType: 'written exam',
    supervision: 'supervised-onsite-identity-verification',
    amendmentNumber: 1,
    reason: 'marking error found on review',
    amendedAt: NOW.toISOString(),
    ...over,
  },
});

describe('amend a result', () => {
  it('records the new effective facts with the reason, re-deriving passed', () => {
    spec.given([published()]).when(amend(), aau).then(amended());
  });

  it('makes the latest amendment the effective result', () => {
    spec
      .given([published(), amended()])
      .when(amend({ amendmentId: 'am-2', changes: { grade: 58 }, reason: 'resit' }), aau)
      .then(amended({ amendmentId: 'am-2', grade: 58, passed: true, amendmentNumber: 2, reason: 'resit' }));
    spec
      .given([published(), amended()])
      .when(amend({ amendmentId: 'am-2', changes: { grade: 58 }, reason: 'resit' }), aau)
      .thenState((s) => expect(s.results['res-1'].current).toMatchObject({ grade: 58, passed: true }));
  });

  it('requires a reason', () => {
    spec
      .given([published()])
      .when(amend({ reason: '  ' }), aau)
      .thenThrows('assessment.amendment-reason-required');
  });

  it('only lets the owning institution amend', () => {
    spec
      .given([published()])
      .when(amend(), registrarOf(DCU))
      .thenThrows((e) => (e as { status: number }).status === 403);
  });

  it('refuses an amendment that changes nothing, and one outside the scheme', () => {
    spec
      .given([published()])
      .when(amend({ changes: { grade: 72 } }), aau)
      .thenThrows('assessment.amendment-changes-nothing');
    spec
      .given([published()])
      .when(amend({ changes: { grade: 'A' } }), aau)
      .thenThrows('assessment.grade-outside-scheme');
  });

  it('treats a repeated amendment id as done, and 404 for an unknown result', () => {
    spec.given([published(), amended()]).when(amend(), aau).thenNothingHappened();
    spec.given([]).when(amend(), aau).thenThrows('assessment.result-not-found');
  });

  it('treats a retry stating the same grade differently (a string, padded reason) as the same amendment', () => {
    spec
      .given([published(), amended()])
      .when(amend({ changes: { grade: '45' }, reason: '  marking error found on review ' }), aau)
      .thenNothingHappened();
    spec
      .given([published(), amended(), amended({ amendmentId: 'am-2', grade: 58, passed: true, amendmentNumber: 2, reason: 'resit' })])
      .when(amend(), aau)
      .thenNothingHappened();
  });

  it('refuses an amendment id reused for another grade or another reason, with 409 naming amendmentId', () => {
    const conflict = (e: unknown) =>
      (e as { code: string; status: number; field: string }).code === 'assessment.amendment-id-reused' &&
      (e as { status: number }).status === 409 &&
      (e as { field: string }).field === 'amendmentId';
    spec
      .given([published(), amended()])
      .when(amend({ changes: { grade: 58 } }), aau)
      .thenThrows(conflict);
    spec
      .given([published(), amended()])
      .when(amend({ reason: 'another reason' }), aau)
      .thenThrows(conflict);
    spec
      .given([published(), amended()])
      .when(amend({ changes: { grade: 45, assessor: 'Dr. Someone Else' } }), aau)
      .thenThrows(conflict);
  });
});
