import type { EventStore } from '@alliance/event-sourcing';
import { assessmentWithCohort, examResult } from './registrar.fixture';
import { CSV_HEADER } from './cohort-csv.fixture';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

const row = (rowId: string, enrolmentId: string, grade = 8) => ({ rowId, ...examResult(enrolmentId, 'C1', grade) });
const csvLine = (r: ReturnType<typeof row>) =>
  [r.rowId, r.enrolmentId, r.componentCode, r.grade, r.assessedOn, r.assessmentType, r.supervision, '', ''].join(',');

async function publishedIds(store: EventStore, fromPosition?: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of store.readAll(fromPosition === undefined ? {} : { fromPosition }))
    if (e.type === 'ResultPublished') ids.push((e.data as { resultId: string }).resultId);
  return ids;
}

describe('assessment over HTTP: one result id, one result', () => {
  const svc = assessmentWithCohort(['enr-a', 'enr-b', 'enr-c', 'enr-d', 'enr-e', 'enr-f', 'enr-g']);

  const post = (body: object) => svc.http().post('/assessment-results').set('authorization', svc.aau).send(body);

  it('rejects every row of a JSON batch that shares a rowId, naming the lines, and records the rest', async () => {
    const res = await svc
      .http()
      .post('/assessment-results/batches')
      .set('authorization', svc.aau)
      .send({ batchId: 'dup-json', results: [row('r1', 'enr-a'), row('r2', 'enr-b'), row('r1', 'enr-c')] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, recorded: 1, rejected: 2 });
    expect(
      res.body.rejections.map((r: { line: number; rowId: string; problem: { code: string; lines: number[]; field: string } }) => [
        r.line,
        r.rowId,
        r.problem.code,
        r.problem.lines,
        r.problem.field,
      ]),
    ).toEqual([
      [1, 'r1', 'assessment.row-id-duplicate', [1, 3], 'rowId'],
      [3, 'r1', 'assessment.row-id-duplicate', [1, 3], 'rowId'],
    ]);
    expect(res.body.rejections[0].problem.message).toContain('lines 1, 3');
    const recorded = res.body.outcomes.find((o: { status: string }) => o.status === 'recorded');
    expect(recorded).toMatchObject({ rowId: 'r2', enrolmentId: 'enr-b' });
    const ids = await publishedIds(svc.runtime.eventStore);
    expect(ids).toEqual([recorded.resultId]);
  });

  it('rejects duplicate rowIds of a CSV upload with their physical lines, and never publishes one result id twice', async () => {
    const head = await svc.runtime.eventStore.headPosition();
    const text = `${CSV_HEADER}\n${[row('x', 'enr-d'), row('y', 'enr-e'), row('x', 'enr-f'), row('x', 'enr-g')].map(csvLine).join('\n')}\n`;
    const res = await svc
      .http()
      .post('/assessment-results/batches')
      .query({ batchId: 'dup-csv' })
      .set('authorization', svc.aau)
      .set('content-type', 'text/csv')
      .send(text);
    expect(res.status).toBe(200);
    expect(res.body.rejections.map((r: { line: number; problem: { lines: number[] } }) => [r.line, r.problem.lines])).toEqual([
      [2, [2, 4, 5]],
      [4, [2, 4, 5]],
      [5, [2, 4, 5]],
    ]);
    const all = await publishedIds(svc.runtime.eventStore);
    expect(new Set(all).size).toBe(all.length);
    // Of this upload only the one row with a unique rowId (enr-e) is published.
    expect(await publishedIds(svc.runtime.eventStore, head)).toHaveLength(1);
  });

  it('refuses a client result id already used for another enrolment (409), writing nothing', async () => {
    const resultId = '0190f5a0-0000-7000-8000-00000000d00d';
    const first = await post({ resultId, ...row('s1', 'enr-g') });
    expect(first.status).toBe(201);
    const head = await svc.runtime.eventStore.headPosition();
    const second = await post({ resultId, ...row('s2', 'enr-a') });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(second.body).toMatchObject({ code: 'assessment.result-id-reused', errors: [{ field: 'resultId' }] });
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
    expect((await publishedIds(svc.runtime.eventStore)).filter((id) => id === resultId)).toHaveLength(1);
  });
});
