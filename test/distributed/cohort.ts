import {
  COMPONENTS,
  type CredentialListItem,
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  type Member,
  resultRequest,
} from '../support/joint-credential';
import { call, eventually, type Patience, token } from '../support/scenario-http';

export interface Enrolled {
  enrolmentId: string;
  learnerId: string;
}

/** Requests in flight at once: enough to keep two slow cores busy without queueing minutes of work. */
const PARALLEL = 8;

async function inParallel<T, R>(items: T[], work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return out;
}

/**
 * Enrols `size` learners through the lead institution, spread over every enrolment replica given (there is no
 * bulk enrolment endpoint). The first waits for the definition to reach enrolment; the others need not.
 */
export async function enrolCohort(
  enrolment: string[],
  specId: string,
  lead: Member,
  size: number,
  tag: string,
  patience: Patience,
): Promise<Enrolled[]> {
  const registrar = await token('registrar', lead.id);
  const body = (i: number) =>
    enrolmentRequest({ givenName: `Learner${i}`, familyName: 'Cohort', email: `learner-${i}-${tag}@example.org` }, specId, lead.id);
  const first = await enrolOnceKnown(enrolment[0]!, body(0), registrar, patience);
  const rest = await inParallel(
    Array.from({ length: size - 1 }, (_, i) => i + 1),
    async (i) => {
      const e = await call<{ enrolmentId?: string; id?: string; learnerId: string }>(
        'POST',
        `${enrolment[i % enrolment.length]}/enrolments`,
        body(i),
        registrar,
        [201],
      );
      return { enrolmentId: (e.enrolmentId ?? e.id)!, learnerId: e.learnerId };
    },
  );
  return [first, ...rest];
}

interface BatchAnswer {
  rows?: number;
  rejected?: number;
  rejections?: { problem?: { code: string } }[];
}

/**
 * One institution's results for its component, as one JSON batch. Assessment learns enrolments over the bus,
 * so rows of enrolments it has not seen yet are rejected: the same file is sent again (idempotent by batch id)
 * until every row is recorded. Any other rejection fails at once.
 */
export async function recordResults(
  assessment: string,
  members: Member[],
  component: (typeof COMPONENTS)[number],
  cohort: Enrolled[],
  batchId: string,
  patience: Patience,
): Promise<void> {
  const bearer = await token('registrar', members[component.member]!.id);
  const file = { batchId, results: cohort.map((e) => resultRequest(e.enrolmentId, component)) };
  await eventually(
    async () => {
      const answer = await call<BatchAnswer>('POST', `${assessment}/assessment-results/batches`, file, bearer, [200, 422]);
      const codes = new Set((answer.rejections ?? []).map((r) => r.problem?.code));
      codes.delete('assessment.enrolment-not-found');
      if (codes.size > 0) throw new Error(`batch ${batchId} rejected rows: ${[...codes].join(', ')}`);
      if (answer.rejected === undefined) throw new Error(`batch ${batchId} answered no report: ${JSON.stringify(answer).slice(0, 500)}`);
      if (answer.rejected > 0) await new Promise((r) => setTimeout(r, 1000));
      return answer.rejected === 0 ? true : undefined;
    },
    `every ${component.code} row of ${batchId} to be recorded`,
    patience,
  );
}

/** Every credential issuance holds for the definition, any lifecycle, page by page. */
export async function credentialsOfSpec(issuance: string, specId: string): Promise<CredentialListItem[]> {
  const admin = await token('alliance-admin');
  const all: CredentialListItem[] = [];
  for (;;) {
    const page = await listCredentials(issuance, { specId, limit: 500, offset: all.length }, admin);
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}

/** How many credentials of the definition are issued; undefined while issuance does not answer (it may be down). */
export async function issuedCount(issuance: string, specId: string): Promise<number | undefined> {
  try {
    return (await credentialsOfSpec(issuance, specId)).filter((c) => c.lifecycle === 'issued').length;
  } catch {
    return undefined;
  }
}
