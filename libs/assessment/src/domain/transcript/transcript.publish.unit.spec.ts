import { deciderSpecification } from '@alliance/event-sourcing';
import { AAU, DCU, enrolment, input, publishCommand, published, registrarOf } from '../__fixtures__/transcript.fixture';
import { rejectedResults, transcriptDecider } from './transcript.decider';

const spec = deciderSpecification(transcriptDecider);
const aau = registrarOf(AAU);

describe('publish a result', () => {
  it('records the result with passed derived from the grade', () => {
    spec.given([]).when(publishCommand(), aau).then(published());
    spec
      .given([])
      .when(publishCommand([input({ grade: '31' })]), aau)
      .then(published({ grade: 31, passed: false }));
  });

  it('keeps the optional evidence, assessor and batch row', () => {
    spec
      .given([])
      .when(publishCommand([input({ evidenceUrl: 'https://evidence.example/1', assessor: 'Dr. Jensen', batchId: 'b1', rowRef: '7' })]), aau)
      .then(published({ evidenceUrl: 'https://evidence.example/1', assessor: 'Dr. Jensen', batchId: 'b1', rowRef: '7' }));
  });

  it('refuses a component another institution owns (403)', () => {
    spec
      .given([])
      .when(publishCommand([input({ componentCode: 'GRID-201' })]), aau)
      .thenThrows(
        (e) =>
          (e as { status: number; code: string }).status === 403 &&
          (e as { code: string }).code === 'assessment.component-of-other-institution',
      );
  });

  it('lets the owning institution publish its own component', () => {
    spec
      .given([published()])
      .when(publishCommand([input({ resultId: 'res-2', componentCode: 'GRID-201', grade: 90 })]), registrarOf(DCU))
      .then(published({ resultId: 'res-2', componentCode: 'GRID-201', institutionId: DCU, grade: 90 }));
  });

  it('refuses an unknown or withdrawn enrolment, accepts late results of a completed one', () => {
    spec
      .given([])
      .when(publishCommand([input()], { enrolment: undefined }), aau)
      .thenThrows((e) => (e as { status: number }).status === 404);
    spec
      .given([])
      .when(publishCommand([input()], { enrolment: { ...enrolment, status: 'withdrawn' } }), aau)
      .thenThrows('assessment.enrolment-withdrawn');
    spec
      .given([])
      .when(publishCommand([input()], { enrolment: { ...enrolment, status: 'completed' } }), aau)
      .then(published());
  });

  it('refuses a grade outside the scheme, a future date and an unknown component', () => {
    spec
      .given([])
      .when(publishCommand([input({ grade: 101 })]), aau)
      .thenThrows('assessment.grade-outside-scheme');
    spec
      .given([])
      .when(publishCommand([input({ assessedOn: '2099-01-01' })]), aau)
      .thenThrows('assessment.assessment-date-in-future');
    spec
      .given([])
      .when(publishCommand([input({ componentCode: 'NOPE' })]), aau)
      .thenThrows('assessment.component-unknown');
  });

  it('treats a replay of the same result id and facts as done, and refuses a reused id', () => {
    spec.given([published()]).when(publishCommand(), aau).thenNothingHappened();
    spec
      .given([published()])
      .when(publishCommand([input({ grade: 10 })]), aau)
      .thenThrows('assessment.result-id-reused');
  });

  it('refuses a second result for the same component: that is an amendment', () => {
    spec
      .given([published()])
      .when(publishCommand([input({ resultId: 'res-9' })]), aau)
      .thenThrows('assessment.result-exists');
  });

  it('reports every rejected result of a multi-result command, by position, and writes none', () => {
    spec
      .given([])
      .when(
        publishCommand([
          input(),
          input({ resultId: 'res-2', componentCode: 'GRID-201' }),
          input({ resultId: 'res-3', componentCode: 'ENERGY-101' }),
        ]),
        aau,
      )
      .thenThrows((e) => {
        const r = rejectedResults(e);
        return (
          r !== undefined &&
          r.map((x) => [x.index, x.code]).join() === '1,assessment.component-of-other-institution,2,assessment.result-exists'
        );
      });
  });

  it('records several results of one enrolment at once', () => {
    spec
      .given([])
      .when(publishCommand([input(), input({ resultId: 'res-2', componentCode: 'LAB-110', grade: 20 })]), aau)
      .then([published(), published({ resultId: 'res-2', componentCode: 'LAB-110', grade: 20, passed: false })]);
  });
});
