import { eventually, mountTinyDisk } from '@alliance/testing';
import { type AssessmentApp, startAssessment } from './assessment-app';
import { aauRegistrarWithCohort } from './registrar.fixture';
import { cohortCsv, cohortIds } from './cohort-csv.fixture';

jest.setTimeout(120_000);

const disk = mountTinyDisk(256);

describe('assessment over HTTP while its disk is full', () => {
  if ('unavailable' in disk) {
    it.skip(`needs a real tiny disk: ${disk.unavailable}`, () => undefined);
    console.warn(`disk-full e2e skipped: ${disk.unavailable}`);
    return;
  }
  let svc: AssessmentApp;
  let aau: string;
  const ids = cohortIds(600, 'full');
  const unhandled: unknown[] = [];
  const note = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', note);
    svc = await startAssessment({ env: { DATA_DIR: disk.dir } });
    aau = await aauRegistrarWithCohort(svc, ids);
  }, 120_000);
  afterAll(async () => {
    disk.free();
    await svc?.close();
    disk.unmount();
    process.off('unhandledRejection', note);
  });

  const upload = (body: string, batchId: string) =>
    svc.http().post('/assessment-results/batches').query({ batchId }).set('authorization', aau).set('content-type', 'text/csv').send(body);

  it('answers writes 507 problem+json naming the full disk, keeps serving reads, reports why on /health/ready, and recovers by itself', async () => {
    const first = await upload(cohortCsv(ids.slice(0, 5), []).text, 'before');
    expect(first.status).toBe(200);

    disk.fill();
    const refused = await upload(cohortCsv(ids.slice(5), []).text, 'during');
    expect(refused.status).toBe(507);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 507,
      title: 'Insufficient Storage',
      code: 'storage.disk-full',
      storage: { kind: 'disk-full', reason: expect.stringMatching(/SQLITE_FULL|ENOSPC/) },
    });
    expect(refused.body.detail).toMatch(/the disk is full/);
    expect(JSON.stringify(refused.body)).not.toContain(disk.dir);

    const read = await svc.http().get('/assessment-results').query({ batchId: 'before' }).set('authorization', aau);
    expect(read.status).toBe(200);
    expect(read.body.total).toBe(5);

    const ready = await svc.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.storage).toMatchObject({ status: 'down', error: expect.stringMatching(/^disk-full: /) });
    expect((await svc.http().get('/health/live')).status).toBe(200);

    disk.free();
    const again = await eventually(
      async () => {
        const res = await upload(cohortCsv(ids.slice(5), []).text, 'during');
        expect(res.status).toBe(200);
        return res;
      },
      30_000,
      500,
    );
    expect(again.body).toMatchObject({ rows: 595, rejected: 0 });
    expect(again.body.recorded + again.body.alreadyRecorded).toBe(595);
    await eventually(async () => expect((await svc.http().get('/health/ready')).status).toBe(200), 45_000, 500);
    await eventually(
      async () =>
        expect(
          (await svc.http().get('/assessment-results').query({ batchId: 'during', limit: 1 }).set('authorization', aau)).body.total,
        ).toBe(595),
      30_000,
      200,
    );
    expect(unhandled).toEqual([]);
  });
});
