import { AAU } from './facts.fixture';
import { assessmentWithCohort } from './registrar.fixture';
import { BAD_ROWS, CSV_HEADER, cohortCsv, cohortIds, goodRow } from './cohort-csv.fixture';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

const COHORT = 5000;

describe('assessment over HTTP: bulk publication of a 5,000-row CSV with bad rows', () => {
  const ids = cohortIds(COHORT);
  const { text, badLines } = cohortCsv(ids);
  const svc = assessmentWithCohort(ids, {}, 120_000);

  const upload = (body: string, batchId = 'spring-2026', auth = svc.aau) =>
    svc.http().post('/assessment-results/batches').query({ batchId }).set('authorization', auth).set('content-type', 'text/csv').send(body);
  // The first upload of the cohort file, made by whichever case needs it first, so each case runs alone too.
  let cohortUpload: ReturnType<typeof upload> | undefined;
  const uploadedCohort = () => (cohortUpload ??= upload(text));

  it('records the good rows and reports each bad one with its line and reason', async () => {
    const res = await uploadedCohort();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      batchId: 'spring-2026',
      format: 'csv',
      rows: COHORT + BAD_ROWS.length,
      recorded: COHORT,
      alreadyRecorded: 0,
      rejected: BAD_ROWS.length,
    });
    expect(res.body.rejections.map((r: { line: number; problem: { code: string } }) => ({ line: r.line, code: r.problem.code }))).toEqual(
      badLines,
    );
    expect(res.body.rejections[0]).toMatchObject({
      rowId: 'bad-grade',
      enrolmentId: 'enr-00001',
      componentCode: 'LAB',
      status: 'rejected',
      problem: { field: 'grade', status: 422 },
    });
    expect(res.body.outcomes[0]).toMatchObject({ line: 2, status: 'recorded', rowId: 'r-enr-00001', resultId: expect.any(String) });

    const page = await svc.http().get('/assessment-results').query({ batchId: 'spring-2026', limit: 1 }).set('authorization', svc.aau);
    expect(page.body.total).toBe(COHORT);
    expect(page.body.items[0]).toMatchObject({ batchId: 'spring-2026', institutionId: AAU, componentCode: 'C1' });
  }, 120_000);

  it('serves the CSV template with the expected header', async () => {
    const res = await svc.http().get('/assessment-results/batches/template.csv').set('authorization', svc.aau);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text.split('\n')[0]).toBe(CSV_HEADER);
  });

  it('is idempotent: the same file again records nothing new and writes no event', async () => {
    expect((await uploadedCohort()).status).toBe(200);
    const head = await svc.runtime.eventStore.headPosition();
    const again = await upload(text);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ recorded: 0, alreadyRecorded: COHORT, rejected: BAD_ROWS.length });
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
  }, 120_000);

  it('refuses another file under the same batch id, before touching any row', async () => {
    const lab = `${CSV_HEADER}\nr-lab,enr-00020,LAB,7,2026-06-01,lab report,supervised-onsite-identity-verification,,\n`;
    expect((await upload(lab, 'reuse-2026')).status).toBe(200);
    const head = await svc.runtime.eventStore.headPosition();
    const res = await upload(`${CSV_HEADER}\n${goodRow('enr-00001', 3)}\n`, 'reuse-2026');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('assessment.batch-id-reused');
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
  });

  it('refuses a malformed CSV (400, with the line), an oversized upload (413) and an unknown content type (415), writing nothing', async () => {
    const head = await svc.runtime.eventStore.headPosition();
    const malformed = await upload(`${CSV_HEADER}\nr1,"enr-00001,LAB,7\n`, 'broken');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/problem\+json/);
    expect(malformed.body).toMatchObject({ code: 'assessment.csv-malformed', line: expect.any(Number) });
    const header = await upload('enrolment,grade\nx,1\n', 'header');
    expect(header.status).toBe(400);
    expect(header.body).toMatchObject({ code: 'assessment.csv-header', missingColumns: expect.arrayContaining(['enrolmentId']) });
    const tooMany = await upload(
      `${CSV_HEADER}\n${Array.from({ length: 10_001 }, (_, i) => goodRow(ids[i % COHORT], i)).join('\n')}\n`,
      'too-many',
    );
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'assessment.batch-too-large', maxRows: 10_000 });
    const xml = await svc
      .http()
      .post('/assessment-results/batches')
      .set('authorization', svc.aau)
      .set('content-type', 'application/xml')
      .send('<results/>');
    expect(xml.status).toBe(415);
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
  }, 60_000);

  it('takes a JSON array too, with client row ids, and answers 422 when no row at all can be recorded', async () => {
    const rows = [
      {
        rowId: 'a',
        enrolmentId: 'enr-00010',
        componentCode: 'LAB',
        grade: 9,
        assessedOn: '2026-06-01',
        assessmentType: 'lab report',
        supervision: 'unsupervised-no-identity-verification',
      },
      {
        rowId: 'b',
        enrolmentId: 'enr-00011',
        componentCode: 'LAB',
        grade: 'x',
        assessedOn: '2026-06-01',
        assessmentType: 'lab report',
        supervision: 'unsupervised-no-identity-verification',
      },
    ];
    const json = await svc
      .http()
      .post('/assessment-results/batches')
      .set('authorization', svc.aau)
      .send({ batchId: 'lab-2026', results: rows });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      format: 'json',
      recorded: 1,
      rejected: 1,
      rejections: [{ row: 2, line: 2, rowId: 'b', problem: { code: 'assessment.grade-outside-scheme' } }],
    });
    const head = await svc.runtime.eventStore.headPosition();
    const allBad = await svc
      .http()
      .post('/assessment-results/batches')
      .set('authorization', svc.aau)
      .send({ batchId: 'lab-bad', results: [rows[1]] });
    expect(allBad.status).toBe(422);
    expect(allBad.body).toMatchObject({ code: 'assessment.batch-rejected', rejected: 1, rejections: [{ rowId: 'b' }] });
    // Nothing is written: the batch id is claimed only just before a first result would be, and none was.
    const written: string[] = [];
    for await (const e of svc.runtime.eventStore.readAll({ fromPosition: head })) written.push(e.type);
    expect(written).toEqual([]);

    // A file none of whose rows is even well-formed claims nothing: refused, and nothing at all is written.
    const after = await svc.runtime.eventStore.headPosition();
    const malformed = await svc
      .http()
      .post('/assessment-results/batches')
      .set('authorization', svc.aau)
      .send({ batchId: 'lab-malformed', results: [{ rowId: 'x' }, 'X'] });
    expect(malformed.status).toBe(422);
    expect(malformed.body).toMatchObject({ code: 'assessment.batch-rejected', recorded: 0, rejected: 2 });
    expect(await svc.runtime.eventStore.headPosition()).toBe(after);
  });
});
