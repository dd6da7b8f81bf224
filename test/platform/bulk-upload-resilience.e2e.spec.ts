import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadResults } from '../../apps/cli/src/commands/results-upload.command';
import { auditedEvents } from '../support/embedded-platform';
import { COMPONENTS, enrolmentRequest, enrolOnceKnown, type Member, setUpJointCredential } from '../support/joint-credential';
import { call, eventually, type Patience, token } from '../support/scenario-http';
import { builtMain, type SpawnedProcess, spawnNode } from '../support/spawn-process';
import { randomBasePort } from '../support/base-port';

/**
 * The built platform as a child process on a data directory that outlives it: killed with SIGKILL in the middle
 * of a results upload and started again, the batch id still names the file it was claimed for, and sending that
 * file again completes the upload without publishing any result twice. Also: the command line's upload waits for
 * an enrolment that enrolment has answered for but assessment has not learned yet. Needs `npm run build` first.
 */
jest.setTimeout(600_000);

const COHORT = Number(process.env.RESILIENCE_COHORT ?? 400);
const HEADER = 'rowId,enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision,evidenceUrl,assessor';

describe('a results upload on the embedded platform killed with SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-kill-'));
  const firstPort = randomBasePort(6000, 100);
  const urls = Object.fromEntries(
    ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit'].map((s, i) => [s, `http://127.0.0.1:${firstPort + i}`]),
  ) as Record<'catalogue' | 'enrolment' | 'assessment' | 'issuance' | 'verification' | 'audit', string>;
  let platform: SpawnedProcess | undefined;
  const patience: Patience = { timeoutMs: 120_000, diagnostics: () => platform?.output().slice(-4000) ?? '' };
  let lead: Member;
  let registrar: string;
  let specId: string;
  const enrolmentIds: string[] = [];

  async function start(): Promise<void> {
    platform = spawnNode(builtMain('platform'), [], { DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(firstPort), LOG_LEVEL: 'warn' });
    await platform.waitFor(/"msg":"platform ready"/, 120_000);
  }

  const csv = (ids: string[], grade: number) =>
    `${HEADER}\n${ids.map((id, i) => `row-${i + 1},${id},${COMPONENTS[0].code},${grade},${new Date().toISOString().slice(0, 10)},Project,supervised-onsite-identity-verification,,`).join('\n')}\n`;
  const upload = (body: string, batchId: string, headers: Record<string, string> = {}) =>
    fetch(`${urls.assessment}/assessment-results/batches?batchId=${batchId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${registrar}`, 'content-type': 'text/csv', ...headers },
      body,
    });

  beforeAll(async () => {
    await start();
    const admin = await token('alliance-admin');
    const joint = await setUpJointCredential(urls, admin);
    lead = joint.members[0]!;
    specId = joint.specId;
    registrar = await token('registrar', lead.id);
    const enrol = async (i: number) =>
      (
        await enrolOnceKnown(
          urls.enrolment,
          enrolmentRequest({ givenName: `L${i}`, familyName: 'Kill', email: `l${i}@kill.example` }, specId, lead.id),
          registrar,
          patience,
        )
      ).enrolmentId;
    enrolmentIds.push(await enrol(0));
    let next = 1;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < COHORT) {
          const i = next++;
          enrolmentIds[i] = await enrol(i);
        }
      }),
    );
    // Assessment learns enrolments over the bus: wait until a one-row file for the last of them is recorded.
    await eventually(
      async () => ((await upload(csv(enrolmentIds.slice(-1), 7), 'known-probe')).status === 200 ? true : undefined),
      'assessment to know the cohort',
      patience,
    );
  });

  afterAll(async () => {
    platform?.child.kill('SIGTERM');
    await platform?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses another file under the batch id at once after a restart, and completes the interrupted one from the same file without duplicates', async () => {
    const cohort = enrolmentIds.slice(0, -1);
    const file = csv(cohort, 8);
    const answered = upload(file, 'kill-9', { prefer: 'respond-async' }).catch(() => undefined);
    // Kill as soon as the batch resource shows rows recorded: polled without pause, so the kill lands while the
    // rest of the file is still being recorded even on a fast machine.
    const deadline = Date.now() + 60_000;
    type Progress = { phase: string; processed: number; recorded: number; rows: number };
    const poll = async (): Promise<Progress | undefined> => {
      const res = await fetch(`${urls.assessment}/assessment-results/batches/kill-9`, {
        headers: { authorization: `Bearer ${registrar}` },
      });
      const status = res.status === 200 ? ((await res.json()) as Progress) : undefined;
      return status && status.recorded > 0 ? status : undefined;
    };
    let seen = await poll();
    while (!seen && Date.now() < deadline) seen = await poll();
    if (!seen) throw new Error(`the upload showed no recorded row within 60 s\n${patience.diagnostics?.()}`);
    platform!.child.kill('SIGKILL');
    await platform!.exited;
    await answered;
    expect(seen.phase).toBe('processing');
    expect(seen.recorded).toBeLessThan(cohort.length);

    await start();
    const other = await upload(csv(cohort.slice(0, 5), 9), 'kill-9');
    expect(other.status).toBe(409);
    expect(((await other.json()) as { code: string }).code).toBe('assessment.batch-id-reused');

    const again = await upload(file, 'kill-9');
    expect(again.status).toBe(200);
    const report = (await again.json()) as { rows: number; recorded: number; alreadyRecorded: number; rejected: number };
    expect(report).toMatchObject({ rows: cohort.length, rejected: 0 });
    expect(report.recorded + report.alreadyRecorded).toBe(cohort.length);
    expect(report.alreadyRecorded).toBeGreaterThan(0);

    const published = await auditedEvents(urls.audit, { store: 'assessment', type: 'ResultPublished' });
    const ofBatch = published.filter((e) => e.data['batchId'] === 'kill-9').map((e) => String(e.data['resultId']));
    expect(ofBatch).toHaveLength(cohort.length);
    expect(new Set(ofBatch).size).toBe(cohort.length);
    const page = await call<{ total: number }>('GET', `${urls.assessment}/assessment-results?batchId=kill-9&limit=1`, undefined, registrar);
    expect(page.total).toBe(cohort.length);
  });

  it('records a result uploaded with the command line before assessment learned its enrolment, sending the file again until it has', async () => {
    if (platform?.child.exitCode !== null || platform.child.signalCode !== null) await start();
    const enrolmentId = randomUUID();
    const waits: string[] = [];
    // The upload starts first; enrolment enrols the learner (client-chosen id) a moment later.
    const uploading = uploadResults({
      url: urls.assessment,
      token: registrar,
      body: csv([enrolmentId], 8),
      contentType: 'text/csv',
      batchId: 'late-arrival',
      waitSeconds: 90,
      log: (l) => waits.push(l),
    });
    await new Promise((r) => setTimeout(r, 500));
    const body = enrolmentRequest({ givenName: 'Late', familyName: 'Arrival', email: 'late@kill.example' }, specId, lead.id, enrolmentId);
    await call('POST', `${urls.enrolment}/enrolments`, body, registrar, [201]);
    const outcome = await uploading;
    expect(outcome.report).toMatchObject({ rows: 1, recorded: 1, rejected: 0, retryable: 0 });
    expect(outcome.attempts).toBeGreaterThan(1);
    // Every send before the last was told to come back, and the command said so.
    expect(waits).toHaveLength(outcome.attempts - 1);
    expect(waits[0]).toContain('wait for their enrolment');
  });
});
