/**
 * One cohort issued end to end through the public APIs, as a registrar does it: every learner enrolled, each
 * member's results uploaded as one batch, then credentials issued by the platform on its own. The clock runs
 * from the last upload accepted to the last credential of the cohort issued.
 */
import { call, COMPONENTS, type JointCredential, token, until, type Urls } from './embedded-platform';

export interface CohortRun {
  learners: number;
  /** Seconds from the last results upload accepted to the last credential issued (its `issuedAt`, the platform's clock). */
  seconds: number;
  perSecond: number;
  /** Seconds until polling `GET /credentials` saw every credential issued (includes the poll's own wait for an answer). */
  observedSeconds: number;
  /** Seconds the enrolments and uploads took (not part of the rate). */
  uploadSeconds: number;
}

const PARALLEL = 4;

async function inParallel<T>(count: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

export async function issueCohort(urls: Urls, joint: JointCredential, size: number, tag: string, timeoutMs: number): Promise<CohortRun> {
  const lead = joint.members[0]!;
  const registrar = await token('registrar', lead.id);
  const started = Date.now();
  const enrol = (i: number) =>
    call<{ enrolmentId?: string; id?: string; learnerId: string }>(
      'POST',
      `${urls.enrolment}/enrolments`,
      {
        learner: { givenName: `Learner${i}`, familyName: tag, email: `learner-${i}-${tag}@example.org` },
        credentialSpecId: joint.specId,
        institutionId: lead.id,
        consent: { givenAt: new Date().toISOString(), textVersion: 'v1' },
      },
      registrar,
      [201],
    );
  // The definition reaches enrolment over the bus: the first enrolment waits for it.
  const first = await until(() => enrol(0), 'the definition to reach enrolment', timeoutMs, 200);
  const cohort = [first, ...(await inParallel(size - 1, (i) => enrol(i + 1)))].map((e) => ({
    enrolmentId: (e.enrolmentId ?? e.id)!,
    learnerId: e.learnerId,
  }));
  for (const component of COMPONENTS) {
    const bearer = await token('registrar', joint.members[component.member]!.id);
    const results = cohort.map((e) => ({
      enrolmentId: e.enrolmentId,
      componentCode: component.code,
      grade: component.grade,
      assessedOn: new Date().toISOString().slice(0, 10),
      assessmentType: 'Project',
      supervision: 'supervised-onsite-identity-verification',
    }));
    // Assessment learns enrolments over the bus: rows it has not seen yet are rejected, the same batch is sent again.
    await until(
      async () => {
        const answer = await call<{ rejected?: number }>(
          'POST',
          `${urls.assessment}/assessment-results/batches`,
          { batchId: `${tag}-${component.code}`, results },
          bearer,
          [200, 422],
        );
        return answer.rejected === 0 ? true : undefined;
      },
      `the ${component.code} results of ${tag} to be recorded`,
      timeoutMs,
      500,
    );
  }
  const uploaded = Date.now();
  const learners = new Set(cohort.map((e) => e.learnerId));
  const admin = await token('alliance-admin');
  const lastIssuedAt = await until(
    async () => {
      const issued: number[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await call<{ items: { learnerId: string; lifecycle: string; issuedAt?: string }[]; total: number }>(
          'GET',
          `${urls.issuance}/credentials?specId=${joint.specId}&limit=500&offset=${offset}`,
          undefined,
          admin,
        );
        for (const c of page.items)
          if (learners.has(c.learnerId) && c.lifecycle === 'issued') issued.push(Date.parse(c.issuedAt ?? '') || Date.now());
        if (page.items.length === 0 || offset + 500 >= page.total) break;
      }
      return issued.length >= size ? Math.max(...issued) : undefined;
    },
    `${size} credentials of ${tag} to be issued`,
    timeoutMs,
    250,
  );
  const observedSeconds = (Date.now() - uploaded) / 1000;
  const seconds = Math.max(lastIssuedAt - uploaded, 1) / 1000;
  return { learners: size, seconds, perSecond: size / seconds, observedSeconds, uploadSeconds: (uploaded - started) / 1000 };
}
