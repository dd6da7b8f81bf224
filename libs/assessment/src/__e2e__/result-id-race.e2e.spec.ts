import type { EventStore } from '@alliance/event-sourcing';
import { assessmentWithCohort, examResult } from './registrar.fixture';

jest.setTimeout(60_000);

const ENROLMENTS = Array.from({ length: 12 }, (_, i) => `race-${String(i).padStart(2, '0')}`);
const result = (enrolmentId: string, resultId: string, componentCode = 'C1') => ({ resultId, ...examResult(enrolmentId, componentCode) });

async function publications(store: EventStore, resultId: string): Promise<string[]> {
  const streams: string[] = [];
  for await (const e of store.readAll({ filter: { eventTypes: ['ResultPublished'] } }))
    if ((e.data as { resultId: string }).resultId === resultId) streams.push(e.streamId);
  return streams;
}

describe('assessment over HTTP on the embedded store: a result id is published once, whatever races for it', () => {
  const svc = assessmentWithCohort(ENROLMENTS);

  const post = (body: Record<string, unknown>) => svc.http().post('/assessment-results').set('authorization', svc.aau).send(body);

  it('lets exactly one of twelve concurrent requests publish one client result id for twelve enrolments; the others get 409 and write nothing', async () => {
    const resultId = '0190f5a0-0000-7000-8000-0000000ace01';
    const head = await svc.runtime.eventStore.headPosition();
    const answers = await Promise.all(ENROLMENTS.map((enrolmentId) => post(result(enrolmentId, resultId))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(ENROLMENTS.length - 1).fill(409)]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'assessment.result-id-reused', errors: [{ field: 'resultId' }] });
    }
    expect(await publications(svc.runtime.eventStore, resultId)).toHaveLength(1);
    // Only the winner's publication was appended.
    expect(await svc.runtime.eventStore.headPosition()).toBe(head + 1);
    const winner = answers.find((a) => a.status === 201)!;
    expect(winner.body).toMatchObject({ resultId });
  });

  it('still answers a retry of the winning request with the same result, and refuses the id for another enrolment afterwards', async () => {
    const resultId = '0190f5a0-0000-7000-8000-0000000ace02';
    expect((await post(result(ENROLMENTS[0], resultId, 'LAB'))).status).toBe(201);
    const retry = await post(result(ENROLMENTS[0], resultId, 'LAB'));
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ resultId, enrolmentId: ENROLMENTS[0] });
    expect((await post(result(ENROLMENTS[1], resultId, 'LAB'))).status).toBe(409);
    expect(await publications(svc.runtime.eventStore, resultId)).toHaveLength(1);
  });
});
