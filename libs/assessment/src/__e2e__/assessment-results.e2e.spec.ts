import { eventually } from '@alliance/testing';
import { AAU, DCU, facts } from './facts.fixture';
import { assessmentWithCohort } from './registrar.fixture';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

const result = (over: Record<string, unknown> = {}) => ({
  enrolmentId: 'enr-1',
  componentCode: 'C1',
  grade: 7.5,
  assessedOn: '2026-06-10',
  assessmentType: 'written exam',
  supervision: 'supervised-onsite-identity-verification',
  ...over,
});

describe('assessment over HTTP: results from two institutions, amendments, rejections', () => {
  // enr-1 for recording, enr-3 for amending, enr-4 for publishing, enr-5 for a duplicate: each case its own.
  const svc = assessmentWithCohort(['enr-1', 'enr-2', 'enr-3', 'enr-4', 'enr-5', 'enr-gone']);
  let dcu: string;
  beforeAll(async () => {
    dcu = await svc.bearer('registrar', DCU);
    await facts(svc.bus).withdrawn('enr-gone');
  });

  const post = (body: object, auth = svc.aau) => svc.http().post('/assessment-results').set('authorization', auth).send(body);
  /** A failed DCU result on the enrolment, recorded by the case that needs it. */
  const recordedByDcu = async (enrolmentId: string): Promise<string> => {
    const res = await post(result({ enrolmentId, componentCode: 'C2', grade: '5' }), dcu);
    expect(res.status).toBe(201);
    return res.body.resultId as string;
  };
  const amend = (id: string, body: object, auth = dcu) =>
    svc.http().post(`/assessment-results/${id}/amendments`).set('authorization', auth).send(body);

  it('records results of two institutions for their own components, deriving passed from the grade', async () => {
    const a = await post({ ...result(), evidenceUrl: 'https://evidence.aau.example/1', assessor: 'Dr. Jensen' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      enrolmentId: 'enr-1',
      learnerId: 'learner-enr-1',
      componentCode: 'C1',
      institutionId: AAU,
      grade: 7.5,
      passed: true,
      amended: false,
      publishedBy: `registrar@${AAU}`,
      assessor: 'Dr. Jensen',
    });
    const d = await post(result({ componentCode: 'C2', grade: '5' }), dcu);
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ institutionId: DCU, grade: 5, passed: false });
    const list = await svc
      .http()
      .get('/assessment-results')
      .query({ enrolmentId: 'enr-1' })
      .set('authorization', await svc.bearer('auditor'));
    expect(list.body.items.map((r: { componentCode: string; institutionId: string }) => [r.componentCode, r.institutionId])).toEqual([
      ['C1', AAU],
      ['C2', DCU],
    ]);
  });

  it('amends with a mandatory reason; the latest amendment counts and the history stays', async () => {
    await recordedByDcu('enr-3');
    const list = await svc.http().get('/assessment-results').query({ enrolmentId: 'enr-3', componentCode: 'C2' }).set('authorization', dcu);
    const id = list.body.items[0].resultId;
    const noReason = await amend(id, { grade: 6 });
    expect(noReason.status).toBe(400);
    expect(JSON.parse(noReason.text).errors[0].field).toBe('reason');
    const byOther = await amend(id, { grade: 6, reason: 'x' }, svc.aau);
    expect(byOther.status).toBe(403);
    const first = await amend(id, { grade: 6, reason: 'marking error found on review' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      grade: 6,
      passed: true,
      amended: true,
      amendments: [{ amendmentNumber: 1, grade: 6, passed: true, reason: 'marking error found on review', amendedBy: `registrar@${DCU}` }],
    });
    const second = await amend(id, { grade: 8.5, assessedOn: '2026-06-20', reason: 'resit' });
    expect(second.body).toMatchObject({
      grade: 8.5,
      assessedOn: '2026-06-20',
      amendments: [{ amendmentNumber: 1 }, { amendmentNumber: 2, reason: 'resit' }],
    });
    const same = await amend(id, { grade: 8.5, reason: 'again' });
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('assessment.amendment-changes-nothing');
  });

  it('publishes recorded and amended results for issuance', async () => {
    expect((await post(result({ enrolmentId: 'enr-4' }))).status).toBe(201);
    const id = await recordedByDcu('enr-4');
    expect((await amend(id, { grade: 6, reason: 'marking error found on review' })).status).toBe(201);
    expect((await amend(id, { grade: 8.5, assessedOn: '2026-06-20', reason: 'resit' })).status).toBe(201);
    // Only this learner's messages: other cases publish for their own enrolments.
    const mine = () => svc.published.filter((m) => m.key === 'learner-enr-4');
    await eventually(() => {
      const types = mine().map((m) => m.type);
      expect(types.filter((t) => t === 'assessment.result.recorded')).toHaveLength(2);
      expect(types.filter((t) => t === 'assessment.result.amended')).toHaveLength(2);
    });
    const amended = mine()
      .filter((m) => m.type === 'assessment.result.amended')
      .at(-1)!;
    expect(amended).toMatchObject({
      key: 'learner-enr-4',
      payload: {
        componentCode: 'C2',
        institutionId: DCU,
        grade: 8.5,
        passed: true,
        reason: 'resit',
        assessedAt: '2026-06-20T00:00:00.000Z',
      },
    });
  });

  describe('bad input: a clear 4xx problem, nothing written', () => {
    async function rejected(body: object, status: number, code: string, field?: string, auth = svc.aau) {
      const head = await svc.runtime.eventStore.headPosition();
      const res = await post(body, auth);
      expect({ status: res.status, body: res.body }).toMatchObject({ status });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(res.text);
      expect(problem.code ?? problem.type).toContain(code);
      if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await svc.runtime.eventStore.headPosition()).toBe(head);
    }

    it('403 for a component of another institution', () =>
      rejected(result({ enrolmentId: 'enr-2', componentCode: 'C2' }), 403, 'assessment.component-of-other-institution', 'componentCode'));
    it('404 for an unknown enrolment', () =>
      rejected(result({ enrolmentId: 'enr-unknown' }), 404, 'assessment.enrolment-not-found', 'enrolmentId'));
    it('409 for a withdrawn enrolment', () =>
      rejected(result({ enrolmentId: 'enr-gone' }), 409, 'assessment.enrolment-withdrawn', 'enrolmentId'));
    it('422 for a grade outside the scheme', () =>
      rejected(result({ enrolmentId: 'enr-2', grade: 11 }), 422, 'assessment.grade-outside-scheme', 'grade'));
    it('422 for a letter on a numeric scheme', () =>
      rejected(result({ enrolmentId: 'enr-2', grade: 'A' }), 422, 'assessment.grade-outside-scheme', 'grade'));
    it('422 for an assessment date in the future', () =>
      rejected(result({ enrolmentId: 'enr-2', assessedOn: '2099-01-01' }), 422, 'assessment.assessment-date-in-future', 'assessedOn'));
    it('422 for an impossible date', () =>
      rejected(result({ enrolmentId: 'enr-2', assessedOn: '2026-02-30' }), 422, 'assessment.assessment-date-invalid', 'assessedOn'));
    it('422 for a component the definition does not have', () =>
      rejected(result({ enrolmentId: 'enr-2', componentCode: 'NOPE' }), 422, 'assessment.component-unknown', 'componentCode'));
    it('409 for a second result of the same component (amend it instead)', async () => {
      expect((await post(result({ enrolmentId: 'enr-5' }))).status).toBe(201);
      await rejected(result({ enrolmentId: 'enr-5' }), 409, 'assessment.result-exists', 'componentCode');
    });
    it('400 for a missing grade or unknown supervision level', async () => {
      await rejected(result({ enrolmentId: 'enr-2', grade: undefined }), 400, 'validation-failed', 'grade');
      await rejected(result({ enrolmentId: 'enr-2', supervision: 'proctored' }), 400, 'validation-failed', 'supervision');
    });
    it('403 for an auditor', async () =>
      rejected(result({ enrolmentId: 'enr-2' }), 403, 'forbidden', undefined, await svc.bearer('auditor')));
  });

  it('is idempotent for a retried request with the same result id', async () => {
    const body = result({ enrolmentId: 'enr-2', componentCode: 'LAB', resultId: '0190a3c4-0000-7000-8000-0000000000aa' });
    const first = await post(body);
    const head = await svc.runtime.eventStore.headPosition();
    const again = await post(body);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.resultId).toBe(first.body.resultId);
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
  });
});
