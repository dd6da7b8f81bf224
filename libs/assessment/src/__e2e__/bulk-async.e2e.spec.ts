import { DCU, facts } from './facts.fixture';
import { assessmentWithCohort } from './registrar.fixture';
import { cohortCsv, cohortIds } from './cohort-csv.fixture';

jest.setTimeout(60_000);

const COHORT = 300;

describe('assessment over HTTP: an upload answered asynchronously, its batch resource, and rows waiting for their enrolment', () => {
  const ids = cohortIds(COHORT, 'async');
  const { text } = cohortCsv(ids, []);
  const svc = assessmentWithCohort(ids);

  const upload = (body: string, batchId: string, prefer?: string) => {
    const req = svc
      .http()
      .post('/assessment-results/batches')
      .query({ batchId })
      .set('authorization', svc.aau)
      .set('content-type', 'text/csv');
    return (prefer ? req.set('prefer', prefer) : req).send(body);
  };
  const status = (batchId: string, auth = svc.aau) => svc.http().get(`/assessment-results/batches/${batchId}`).set('authorization', auth);

  it('answers 202 with the batch resource once the rows are durable, and the resource reaches complete with every row', async () => {
    const head = await svc.runtime.eventStore.headPosition();
    const res = await upload(text, 'async-2026', 'respond-async, wait=0');
    expect(res.status).toBe(202);
    expect(res.headers['location']).toBe('/assessment-results/batches/async-2026');
    expect(res.headers['preference-applied']).toBe('respond-async');
    expect(res.body).toMatchObject({ batchId: 'async-2026', rows: COHORT, recorded: COHORT, rejected: 0 });
    // Durable on answering: claim, one publication per row, and the summary are in the store.
    expect(await svc.runtime.eventStore.headPosition()).toBe(head + COHORT + 2);
    let view = (await status('async-2026')).body as { phase: string };
    for (let i = 0; view.phase !== 'complete' && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = (await status('async-2026')).body as { phase: string };
    }
    expect(view).toMatchObject({ phase: 'complete', rows: COHORT, processed: COHORT, recorded: COHORT, rejected: 0, retryable: 0 });
    expect((view as unknown as { outcomes: unknown[] }).outcomes).toHaveLength(COHORT);
    const page = await svc.http().get('/assessment-results').query({ batchId: 'async-2026', limit: 1 }).set('authorization', svc.aau);
    expect(page.body.total).toBe(COHORT);
  });

  it('marks rows of an enrolment assessment has not learned yet as retryable with Retry-After, and records them when the file is sent again', async () => {
    const late = cohortIds(2, 'late');
    const file = cohortCsv(late, []).text;
    const head = await svc.runtime.eventStore.headPosition();
    const first = await upload(file, 'late-2026');
    // Not one row can be recorded yet: refused as a whole, saying when to come back, and nothing is written.
    expect(first.status).toBe(422);
    expect(first.headers['retry-after']).toBe('2');
    expect(first.body).toMatchObject({ code: 'assessment.batch-rejected', recorded: 0, alreadyRecorded: 0, rejected: 2, retryable: 2 });
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
    expect(first.body.rejections.map((r: { problem: { code: string; retryable: boolean } }) => r.problem)).toEqual([
      expect.objectContaining({ code: 'assessment.enrolment-not-found', retryable: true }),
      expect.objectContaining({ code: 'assessment.enrolment-not-found', retryable: true }),
    ]);
    await facts(svc.bus).enrolled(late);
    const again = await upload(file, 'late-2026');
    expect(again.status).toBe(200);
    expect(again.headers['retry-after']).toBeUndefined();
    expect(again.body).toMatchObject({ rejected: 0, retryable: 0, recorded: 2 });
  });

  it('tells an unknown batch (404) and a malformed batch id (400) apart, and shows a batch to its own institution only', async () => {
    expect((await status('never-sent')).status).toBe(404);
    const malformed = await status('no%20spaces');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'assessment.batch-id-invalid' });
    // Batch ids are scoped to the uploading institution: the same name at another institution is another batch.
    const own = cohortIds(2, 'scoped');
    await facts(svc.bus).enrolled(own);
    expect((await upload(cohortCsv(own, []).text, 'scoped-2026')).status).toBe(200);
    expect((await status('scoped-2026')).status).toBe(200);
    expect((await status('scoped-2026', await svc.bearer('registrar', DCU))).status).toBe(404);
  });
});
