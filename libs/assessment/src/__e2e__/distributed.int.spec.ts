import { randomUUID } from 'node:crypto';
import { distributedMode } from '@alliance/testing';
import { AAU, facts, publishedSpec, SPEC } from './facts.fixture';
import { type AssessmentApp, startAssessment } from './assessment-app';
import { cohortCsv, cohortIds } from './cohort-csv.fixture';

/** Assessment in distributed mode: events and read model in PostgreSQL, integration events on Kafka. */
describe('assessment on PostgreSQL and Kafka', () => {
  let svc: AssessmentApp;
  const distributed = distributedMode('assessment', () => svc?.close());
  const run = randomUUID().slice(0, 8);

  it('learns enrolments from Kafka, takes a CSV cohort, publishes results to Kafka', async () => {
    svc = await startAssessment({
      env: distributed.env({ ASSESSMENT_CONSUMER_GROUP: `assessment-int-${run}` }),
      configuredBus: true,
    });
    const ids = cohortIds(200, `enr-${run}`);
    await facts(svc.bus).published(publishedSpec({ credentialSpecId: SPEC }));
    await facts(svc.bus).enrolled(ids);
    const aau = await svc.bearer('registrar', AAU);
    const { text, badLines } = cohortCsv(ids, [
      { text: `bad,${ids[0]},LAB,99,2026-06-01,exam,supervised-onsite-identity-verification,,`, code: 'assessment.grade-outside-scheme' },
    ]);
    const deadline = Date.now() + 60_000;
    let report: { recorded: number; rejected: number; rejections: { line: number }[] } | undefined;
    // Kafka delivers the enrolments asynchronously: retry the (idempotent) upload until all are known.
    while (Date.now() < deadline) {
      const res = await svc
        .http()
        .post('/assessment-results/batches')
        .query({ batchId: `cohort-${run}` })
        .set('authorization', aau)
        .set('content-type', 'text/csv')
        .send(text);
      if (res.status === 200 && res.body.recorded + res.body.alreadyRecorded === ids.length) {
        report = res.body;
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(report).toMatchObject({ rejected: 1, rejections: [{ line: badLines[0].line }] });
    const recorded = async () =>
      svc.published.filter(
        (m) => m.type === 'assessment.result.recorded' && (m.payload as { enrolmentId: string }).enrolmentId.startsWith(`enr-${run}`),
      ).length;
    const until = Date.now() + 30_000;
    while ((await recorded()) < ids.length && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(await recorded()).toBe(ids.length);
  }, 120_000);
});
