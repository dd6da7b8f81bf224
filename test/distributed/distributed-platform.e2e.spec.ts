import { runCredentialScenario, type ScenarioOutcome } from '../support/credential-scenario';
import { call, token } from '../support/scenario-http';
import { DistributedRun } from './distributed-run';

/**
 * The distributed deployment: every service its own OS process, events over Kafka, event stores and read
 * models on PostgreSQL, driven over HTTP through the same scenario as the embedded platform. Needs
 * `npm run build` first (the launcher starts dist/apps/<service>/src/main.js).
 */
describe('the platform in distributed mode (a process per service, Kafka, PostgreSQL)', () => {
  // Suspendable credentials here (a revocation and a suspension entry); the embedded scenario covers the default.
  const run = new DistributedRun({ env: { ISSUANCE_STATUS_ENTRIES: 'revocation-and-suspension' } });
  // Each step crosses the bus at least once; on two slow cores a Kafka group join alone takes seconds.
  const patience = { timeoutMs: 90_000, diagnostics: () => run.output() };
  // The scenario, run once by whichever case needs it first, so each case runs alone too.
  let scenario: Promise<ScenarioOutcome> | undefined;
  const scenarioOutcome = () =>
    (scenario ??= runCredentialScenario(
      {
        catalogue: run.url('catalogue'),
        enrolment: run.url('enrolment'),
        assessment: run.url('assessment'),
        issuance: run.url('issuance'),
        verification: run.url('verification'),
      },
      patience,
    ));

  beforeAll(() => run.up(), 120_000);
  afterAll(async () => {
    await run.teardown();
  }, 45_000);

  it('issues one credential co-signed by both awarding bodies, verifies it, then reports it revoked', async () => {
    const outcome = await scenarioOutcome();

    expect(outcome.credentialsOfLearner.map((c) => c.credentialId)).toEqual([outcome.credentialId]);
    const signers = (outcome.credential.proof ?? []).map((p) => String(p.verificationMethod).split('#')[0]);
    expect(signers.sort()).toEqual(outcome.members.map((m) => m.did).sort());
    expect(outcome.valid.verdict).toBe('valid');
    expect(outcome.revoked).toMatchObject({ verdict: 'invalid', failure: { code: 'REVOKED' } });
    expect(outcome.credential.credentialStatus).toEqual([
      expect.objectContaining({ statusPurpose: 'revocation' }),
      expect.objectContaining({ statusPurpose: 'suspension' }),
    ]);
  }, 150_000);

  it("tells the credential's provenance from every service's store", async () => {
    const { credentialId, members, specId, enrolmentId } = await scenarioOutcome();
    const provenance = await call<{ summary: Provenance }>(
      'GET',
      `${run.url('audit')}/credentials/${credentialId}/provenance`,
      undefined,
      await token('auditor'),
    );
    const summary = provenance.summary;
    expect(summary.definition).toMatchObject({ specId });
    expect(summary.definition?.approvals.map((a) => a.institutionId).sort()).toEqual(members.map((m) => m.id).sort());
    expect(summary.enrolment?.enrolmentId).toBe(enrolmentId);
    expect(summary.results.map((r) => r.componentCode).sort()).toEqual(['DESIGN', 'RISK']);
    expect(summary.signatures.map((s) => s.institutionId).sort()).toEqual(members.map((m) => m.id).sort());
    expect(summary.status.map((s) => s.change)).toEqual(['issued', 'suspended', 'revoked']);
  }, 180_000);
});

interface Provenance {
  definition?: { specId: string; approvals: { institutionId: string }[] };
  enrolment?: { enrolmentId: string };
  results: { componentCode: string }[];
  signatures: { institutionId: string }[];
  status: { change: string }[];
}
