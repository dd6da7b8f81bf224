import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedPlatform, startEmbeddedPlatform } from '../support/embedded-platform';
import {
  COMPONENTS,
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  type Member,
  setUpJointCredential,
} from '../support/joint-credential';
import { eventually, type Patience, token } from '../support/scenario-http';
import { randomBasePort } from '../support/base-port';

/**
 * The embedded platform stopped gracefully (SIGTERM) straight after a registrar's upload was recorded, while the
 * results are still travelling from assessment to issuance, and started again on the same data: once the second
 * component's results arrive, every learner of the cohort holds exactly one credential. Nothing that assessment
 * recorded before the stop may be lost on the way. Needs `npm run build` first.
 */
jest.setTimeout(600_000);

const COHORT = Number(process.env.RESTART_COHORT ?? 40);
const HEADER = 'rowId,enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision,evidenceUrl,assessor';

describe('the embedded platform stopped with SIGTERM while an upload travels to issuance', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-restart-'));
  const firstPort = randomBasePort(7900, 50);
  let platform: EmbeddedPlatform | undefined;
  const patience: Patience = { timeoutMs: 120_000, diagnostics: () => platform?.output().slice(-4000) ?? '' };
  let members: Member[];
  let specId: string;
  const enrolmentIds: string[] = [];

  const csv = (component: (typeof COMPONENTS)[number], ids: string[]) =>
    `${HEADER}\n${ids
      .map(
        (id, i) =>
          `row-${i + 1},${id},${component.code},${component.grade},${new Date().toISOString().slice(0, 10)},Project,supervised-onsite-identity-verification,,`,
      )
      .join('\n')}\n`;
  const upload = async (component: (typeof COMPONENTS)[number], ids: string[], batchId: string) => {
    const registrar = await token('registrar', members[component.member]!.id);
    const res = await fetch(`${platform!.urls.assessment}/assessment-results/batches?batchId=${batchId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${registrar}`, 'content-type': 'text/csv' },
      body: csv(component, ids),
    });
    return { status: res.status, body: (await res.json()) as { recorded?: number; alreadyRecorded?: number; rejected?: number } };
  };

  beforeAll(async () => {
    platform = await startEmbeddedPlatform(firstPort, {}, { dataDir });
    const admin = await token('alliance-admin');
    const joint = await setUpJointCredential(platform.urls, admin);
    members = joint.members;
    specId = joint.specId;
    const registrar = await token('registrar', members[0]!.id);
    for (let i = 0; i < COHORT; i++) {
      const body = enrolmentRequest({ givenName: `L${i}`, familyName: 'Restart', email: `l${i}@restart.example` }, specId, members[0]!.id);
      enrolmentIds.push((await enrolOnceKnown(platform.urls.enrolment, body, registrar, patience)).enrolmentId);
    }
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues every learner exactly one credential after the restart', async () => {
    // Assessment learns enrolments over the bus: send the first component's file until every row is recorded.
    await eventually(
      async () => {
        const { status, body } = await upload(COMPONENTS[0], enrolmentIds, 'first-component');
        return status === 200 && (body.recorded ?? 0) + (body.alreadyRecorded ?? 0) === COHORT ? true : undefined;
      },
      'the first component recorded for the whole cohort',
      patience,
    );
    // Straight away, while the results are still on their way to issuance.
    await platform!.stop();
    platform = await startEmbeddedPlatform(firstPort, {}, { dataDir });

    const second = await eventually(
      async () => {
        const answer = await upload(COMPONENTS[1], enrolmentIds, 'second-component');
        return answer.status === 200 && (answer.body.recorded ?? 0) + (answer.body.alreadyRecorded ?? 0) === COHORT ? answer : undefined;
      },
      'the second component recorded for the whole cohort',
      patience,
    );
    expect(second.body.rejected).toBe(0);

    const admin = await token('alliance-admin');
    const issued = await eventually(
      async () => {
        const page = await listCredentials(platform!.urls.issuance, { specId, limit: COHORT + 10 }, admin);
        return page.items.filter((c) => c.lifecycle === 'issued').length === COHORT ? page : undefined;
      },
      `all ${COHORT} learners issued`,
      patience,
    );
    expect(issued.total).toBe(COHORT);
    expect(new Set(issued.items.map((c) => c.learnerId)).size).toBe(COHORT);
    // And nothing was given up on the way: no service's dead-letter journal holds a letter.
    const journals = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('dead-letters.jsonl'));
    for (const journal of journals)
      expect({ journal, letters: readFileSync(join(dataDir, journal), 'utf8').trim() }).toEqual({ journal, letters: '' });
  });
});
