import { randomUUID } from 'node:crypto';
import { auditedEvents, type EmbeddedPlatform, startEmbeddedPlatform } from '../support/embedded-platform';
import {
  COMPONENTS,
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  type Member,
  resultRequest,
  setUpJointCredential,
} from '../support/joint-credential';
import { call, eventually, token } from '../support/scenario-http';
import { randomBasePort } from '../support/base-port';

/**
 * On the built platform as users run it: a bulk upload never publishes one result id twice, and a credential
 * revoked for good stays the learner's last one of its definition, whatever the results become, until an
 * awarding body's admin lifts it; the credential issued then names the revoked one. Needs `npm run build` first.
 */
describe('results and revocations on the embedded platform', () => {
  let p: EmbeddedPlatform;
  let admin: string;
  let A: Member;
  let B: Member;
  let specId: string;
  let registrarA: string;
  const enrolments: Record<string, string> = {};
  const learners: Record<string, string> = {};

  async function enrol(name: string): Promise<void> {
    const body = enrolmentRequest({ givenName: name, familyName: 'Learner', email: `${name.toLowerCase()}@example.org` }, specId, A.id);
    const e = await enrolOnceKnown(p.urls.enrolment, body, registrarA, p.patience);
    enrolments[name] = e.enrolmentId;
    learners[name] = e.learnerId;
  }

  /** Publishes once assessment knows the enrolment (it arrives over the bus). */
  async function publish(name: string, component: 0 | 1): Promise<string> {
    const bearer = await token('registrar', [A, B][COMPONENTS[component].member]!.id);
    return eventually(
      async () => {
        const res = await fetch(`${p.urls.assessment}/assessment-results`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
          body: JSON.stringify(resultRequest(enrolments[name]!, COMPONENTS[component])),
        });
        return res.status === 201 ? ((await res.json()) as { resultId: string }).resultId : undefined;
      },
      `the ${COMPONENTS[component].code} result of ${name}`,
      p.patience,
    );
  }

  const credentialsOf = async (name: string) => (await listCredentials(p.urls.issuance, { learner: learners[name]! }, admin)).items;

  beforeAll(async () => {
    p = await startEmbeddedPlatform(randomBasePort(5000, 100));
    admin = await token('alliance-admin');
    const joint = await setUpJointCredential(p.urls, admin);
    [A, B] = joint.members as [Member, Member];
    specId = joint.specId;
    registrarA = await token('registrar', A.id);
    for (const name of ['Ada', 'Bo', 'Cy', 'Di']) await enrol(name);
  }, 180_000);
  afterAll(() => p?.close(), 30_000);

  it('rejects the rows of a batch that share a rowId, naming their lines, and publishes each result id once', async () => {
    const row = (rowId: string, name: string) => ({ rowId, ...resultRequest(enrolments[name]!, COMPONENTS[0]) });
    const report = await eventually(
      async () => {
        const res = await fetch(`${p.urls.assessment}/assessment-results/batches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${registrarA}` },
          body: JSON.stringify({ batchId: 'cohort-1', results: [row('same', 'Bo'), row('own', 'Cy'), row('same', 'Di')] }),
        });
        const body = (await res.json()) as {
          recorded?: number;
          rejections: { line: number; rowId: string; problem: { code: string; lines?: number[] } }[];
        };
        // Until the enrolments reached assessment the good row is refused too (enrolment not found).
        return res.status === 200 && body.recorded === 1 ? body : undefined;
      },
      'the batch to be recorded',
      p.patience,
    );
    expect(report.rejections.map((r) => [r.line, r.rowId, r.problem.code, r.problem.lines])).toEqual([
      [1, 'same', 'assessment.row-id-duplicate', [1, 3]],
      [3, 'same', 'assessment.row-id-duplicate', [1, 3]],
    ]);
    const published = await auditedEvents(p.urls.audit, { store: 'assessment', type: 'ResultPublished' });
    const ids = published.map((e) => e.data['resultId']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(published.filter((e) => e.data['batchId'] === 'cohort-1').map((e) => e.data['enrolmentId'])).toEqual([enrolments['Cy']]);
  }, 60_000);

  describe('a credential revoked for good', () => {
    let revoked: string;
    let riskResult: string;

    beforeAll(async () => {
      riskResult = await publish('Ada', 0);
      await publish('Ada', 1);
      revoked = (
        await eventually(
          async () => (await credentialsOf('Ada')).find((c) => c.lifecycle === 'issued'),
          'the credential of Ada',
          p.patience,
        )
      ).credentialId;
    }, 60_000);

    // The final revocation by B's admin, made once by whichever case needs it first, so each case runs alone too.
    let finalRevocation: Promise<{ lifecycle: string; final?: boolean }> | undefined;
    const revokedForGood = () =>
      (finalRevocation ??= (async () =>
        call<{ lifecycle: string; final?: boolean }>(
          'POST',
          `${p.urls.issuance}/credentials/${revoked}/revocation`,
          { reason: 'diploma fraud', final: true },
          await token('institution-admin', B.id),
        ))());

    it('is revoked with `final`, and no amendment to a fail and back to a pass brings a new credential', async () => {
      const out = await revokedForGood();
      expect(out).toMatchObject({ lifecycle: 'revoked', final: true });
      const recorded = await auditedEvents(p.urls.audit, { store: 'issuance', type: 'FinalRevocationRecorded' });
      expect(recorded.map((e) => [e.data['credentialId'], e.data['learnerId'], e.data['revokedBy']])).toEqual([
        [revoked, learners['Ada'], B.id],
      ]);

      const amend = (grade: number, reason: string) =>
        call('POST', `${p.urls.assessment}/assessment-results/${riskResult}/amendments`, { grade, reason }, registrarA, [201]);
      await amend(3, 'exam found to be copied');
      await amend(8, 'appeal: the exam was the learner’s own');
      const award = await eventually(
        async () => {
          const events = await auditedEvents(p.urls.audit, { stream: `issuance.award-${enrolments['Ada']}` });
          const grades = events
            .filter((e) => e.type === 'ComponentResultRecorded')
            .map((e) => (e.data['result'] as { grade?: number }).grade);
          return grades.slice(-2).join() === '3,8' ? events : undefined;
        },
        'issuance to record both amendments',
        p.patience,
      );
      expect(award.filter((e) => e.type === 'AwardGranted').map((e) => e.data['credentialId'])).toEqual([revoked]);
      expect((await credentialsOf('Ada')).map((c) => [c.credentialId, c.lifecycle])).toEqual([[revoked, 'revoked']]);
    }, 60_000);

    it('is lifted only by an admin of an awarding body, with a reason; the new credential names the revoked one', async () => {
      await revokedForGood();
      const outsider = await token('institution-admin', randomUUID());
      const refused = await fetch(`${p.urls.issuance}/credentials/${revoked}/final-revocation/lift`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${outsider}` },
        body: JSON.stringify({ reason: 'not mine to say' }),
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('issuance.final-revocation.not-awarding-body');

      const adminA = await token('institution-admin', A.id);
      const lifted = await call<{ lifted: { liftedBy: { institutionId: string }; reason: string } }>(
        'POST',
        `${p.urls.issuance}/credentials/${revoked}/final-revocation/lift`,
        { reason: 'appeal upheld by the exam board' },
        adminA,
        [200],
      );
      expect(lifted.lifted).toMatchObject({ liftedBy: { institutionId: A.id }, reason: 'appeal upheld by the exam board' });
      const decision = await auditedEvents(p.urls.audit, { store: 'issuance', type: 'FinalRevocationLifted' });
      expect(decision.map((e) => [e.data['credentialId'], e.metadata.actor?.institution])).toEqual([[revoked, A.id]]);

      const replacement = await eventually(
        async () => (await credentialsOf('Ada')).find((c) => c.lifecycle === 'issued'),
        'the credential issued after the lift',
        p.patience,
      );
      const record = await call<{ supersedes?: string }>(
        'GET',
        `${p.urls.issuance}/credentials/${replacement.credentialId}/record`,
        undefined,
        admin,
      );
      expect(record.supersedes).toBe(revoked);
      const credential = await call<{ relatedResource?: { id: string }[] }>(
        'GET',
        `${p.urls.issuance}/credentials/${replacement.credentialId}`,
        undefined,
        admin,
      );
      expect(credential.relatedResource?.map((r) => r.id)).toEqual([`urn:uuid:${revoked}`]);

      const again = await fetch(`${p.urls.issuance}/credentials/${revoked}/final-revocation/lift`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminA}` },
        body: JSON.stringify({ reason: 'again' }),
      });
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }, 60_000);
  });
});
