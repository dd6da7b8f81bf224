import type { EventStore } from '@alliance/event-sourcing';
import { eventually } from '@alliance/testing';
import { ASSESSMENT_AGGREGATES } from '../application/assessment-aggregates';
import { assessmentWithCohort } from './registrar.fixture';
import { cohortCsv, cohortIds } from './cohort-csv.fixture';

jest.setTimeout(60_000);

const COHORT = 600;
const CRASH_AFTER = 243;

/** Makes the store fail every transcript append after the first `appends`, as a process killed mid-file would stop writing. */
function crashAfter(store: EventStore, appends: number): () => void {
  const original = store.appendToStream.bind(store);
  let done = 0;
  store.appendToStream = async (streamId, events, options) => {
    if (streamId.startsWith(ASSESSMENT_AGGREGATES.prefix.transcript) && ++done > appends) throw new Error('the process was killed');
    return original(streamId, events, options);
  };
  return () => (store.appendToStream = original);
}

async function resultIdsOf(store: EventStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of store.readAll({ filter: { streamPrefixes: [ASSESSMENT_AGGREGATES.prefix.transcript] } })) {
    const id = (e.data as { resultId?: string }).resultId;
    if (e.type === 'ResultPublished' && id) ids.push(id);
  }
  return ids;
}

describe('assessment over HTTP: a bulk upload keeps its identity from the first row', () => {
  const ids = cohortIds(COHORT, 'int');
  const { text } = cohortCsv(ids, []);
  const other = cohortCsv(cohortIds(COHORT, 'int').slice(0, 10), []).text;

  const svc = assessmentWithCohort(ids, { env: { ASSESSMENT_BATCH_CONCURRENCY: '1' } }, 120_000);

  const upload = (body: string, batchId = 'autumn-2026') =>
    svc
      .http()
      .post('/assessment-results/batches')
      .query({ batchId })
      .set('authorization', svc.aau)
      .set('content-type', 'text/csv')
      .send(body);

  it('refuses another file under the id of an interrupted upload at once, and completes the interrupted one from the same file without duplicates', async () => {
    const store = svc.runtime.eventStore;
    const restore = crashAfter(store, CRASH_AFTER);
    const interrupted = await upload(text);
    restore();
    expect(interrupted.status).toBe(500);
    const before = await resultIdsOf(store);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(COHORT);

    const head = await store.headPosition();
    const different = await upload(other);
    expect(different.status).toBe(409);
    expect(different.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(different.body).toMatchObject({ code: 'assessment.batch-id-reused', errors: [{ field: 'batchId' }] });
    expect(await store.headPosition()).toBe(head);

    const completed = await upload(text);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ rows: COHORT, recorded: COHORT - before.length, alreadyRecorded: before.length, rejected: 0 });
    const after = await resultIdsOf(store);
    expect(after).toHaveLength(COHORT);
    expect(new Set(after).size).toBe(COHORT);
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it('frees the id when every row of the claiming upload was refused, so a corrected file can take it', async () => {
    const broken = cohortCsv(
      [],
      [{ text: 'x,int-00001,LAB,12,2026-06-01,exam,supervised-onsite-identity-verification,,', code: 'assessment.grade-outside-scheme' }],
    ).text;
    const refused = await upload(broken, 'winter-2026');
    expect(refused.status).toBe(422);
    const fixed = await upload(
      cohortCsv([], [{ text: 'x,int-00001,LAB,9,2026-06-01,exam,supervised-onsite-identity-verification,,', code: '' }]).text,
      'winter-2026',
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ recorded: 1 });
  });

  it('reports outbox lag 0 once everything is published, although the batch events (not published) end the log', async () => {
    // A batch of its own, so the log ends with batch events whether or not the cases above ran.
    const lab = cohortCsv([], [{ text: 'y,int-00002,LAB,8,2026-06-01,exam,supervised-onsite-identity-verification,,', code: '' }]).text;
    expect((await upload(lab, 'lag-2026')).status).toBe(200);
    const last = (await (async () => {
      let type = '';
      for await (const e of svc.runtime.eventStore.readAll({ fromPosition: (await svc.runtime.eventStore.headPosition()) - 1 }))
        type = e.type;
      return type;
    })()) as string;
    expect(last).toMatch(/^ResultBatch/);
    await eventually(async () => {
      const ready = await svc.http().get('/health/ready');
      expect(ready.body.checks.outbox).toMatchObject({ status: 'up', lag: 0 });
      expect(ready.body.checks.outbox.position).toBeLessThan(ready.body.checks.outbox.head);
    });
  });
});
