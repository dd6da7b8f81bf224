import { AAU, DCU, facts } from './facts.fixture';
import { assessmentWithCohort, examResult } from './registrar.fixture';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

describe('assessment over HTTP: a member out of good standing reads but does not act', () => {
  const svc = assessmentWithCohort(['enr-1', 'enr-2', 'enr-3']);
  let resultId: string;
  beforeAll(async () => {
    const first = await svc.http().post('/assessment-results').set('authorization', svc.aau).send(examResult('enr-1', 'C1'));
    expect(first.status).toBe(201);
    resultId = first.body.resultId;
  });

  const attempts = () => ({
    publish: () => svc.http().post('/assessment-results').set('authorization', svc.aau).send(examResult('enr-2', 'C1')),
    batch: () =>
      svc
        .http()
        .post('/assessment-results/batches')
        .set('authorization', svc.aau)
        .send({ batchId: `b-${Math.random()}`, results: [{ rowId: 'r1', ...examResult('enr-3', 'C1') }] }),
    amend: () =>
      svc.http().post(`/assessment-results/${resultId}/amendments`).set('authorization', svc.aau).send({ grade: 9, reason: 'remarked' }),
  });

  async function expectRefusedEverywhere(status: 'suspended' | 'removed'): Promise<void> {
    const head = await svc.runtime.eventStore.headPosition();
    for (const [action, attempt] of Object.entries(attempts())) {
      const res = await attempt();
      expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status: 403, code: `assessment.member-${status}` });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toContain(status);
    }
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
  }

  it('refuses a suspended member publishing, uploading and amending (403 naming its standing), appending nothing; reads still work', async () => {
    await facts(svc.bus).suspended(AAU);
    await expectRefusedEverywhere('suspended');
    const read = await svc.http().get(`/assessment-results/${resultId}`).set('authorization', svc.aau);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ resultId, grade: 8 });
    const list = await svc.http().get('/assessment-results').query({ enrolmentId: 'enr-1' }).set('authorization', svc.aau);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
  });

  it('leaves another member acting while one is suspended', async () => {
    await facts(svc.bus).suspended(AAU);
    const dcu = await svc.bearer('registrar', DCU);
    const res = await svc.http().post('/assessment-results').set('authorization', dcu).send(examResult('enr-1', 'C2'));
    expect(res.status).toBe(201);
  });

  it('lets a reinstated member act again', async () => {
    // Suspended here too, so the reinstatement is one whether or not the cases above ran.
    await facts(svc.bus).suspended(AAU);
    await facts(svc.bus).reinstated(AAU);
    const amended = await attempts().amend();
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ resultId, grade: 9 });
    expect((await attempts().publish()).status).toBe(201);
  });

  it('refuses a removed member everything, for good', async () => {
    await facts(svc.bus).removed(AAU);
    await expectRefusedEverywhere('removed');
    // A late reinstatement fact cannot bring a removed member back.
    await facts(svc.bus).reinstated(AAU);
    await expectRefusedEverywhere('removed');
  });
});
