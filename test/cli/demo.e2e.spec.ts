import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtMain, type CompletedRun, runNode, spawnNode } from '../support/spawn-process';

// Not the development default: the demo must mint its tokens from the environment it is given.
const AUTH = {
  AUTH_JWT_SECRET: 'demo-e2e-secret-of-at-least-thirty-two-characters',
  AUTH_ISSUER: 'alliance-platform',
  AUTH_AUDIENCE: 'alliance-api',
};
const AWARDING_BODIES = ['Aalborg University', 'University of Twente', 'Tampere University'];

type Credential = {
  issuer: { id: string };
  credentialSubject: { achievement: { awardingBody: { id: string; name: string }[] } };
  proof: { verificationMethod: string }[];
};
type ProvenanceSummary = {
  definition: { approvals: unknown[] };
  enrolment: { enrolmentId: string };
  results: { componentCode: string }[];
  signatures: { verificationMethod: string }[];
  verifications: unknown[];
};

function demo(args: string[], env: NodeJS.ProcessEnv): Promise<CompletedRun> {
  return runNode(builtMain('cli'), ['demo', ...args], { ...AUTH, ...env });
}

/** The JSON printed under a `── title …` heading, up to the blank line that ends the section. */
function section<T>(stdout: string, title: string): T {
  const start = stdout.indexOf(`── ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = stdout.slice(stdout.indexOf('\n', start) + 1).split('\n\n')[0]!;
  return JSON.parse(body) as T;
}

describe('alliance demo (built CLI against the built platform)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('plays the whole story step by step and prints the co-signed credential, valid, with its provenance', async () => {
    const basePort = 5600 + Math.floor(Math.random() * 150) * 10;
    const platform = spawnNode(builtMain('platform'), [], {
      ...AUTH,
      DATA_DIR: dataDir,
      PLATFORM_BASE_PORT: String(basePort),
      LOG_LEVEL: 'warn',
    });
    try {
      // Starting six services in one process takes over a minute on a busy two-core machine.
      await platform.waitFor(/"msg":"platform ready"/, 150_000);
      const { code, stdout, output } = await demo(['--base-port', String(basePort)], {});
      expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });

      expect(stdout).toContain('✓ registered 8 ECIU member universities');
      expect(stdout).toMatch(/✓ issuance holds a signing key for each of the 8 members/);
      for (const name of AWARDING_BODIES)
        expect(stdout).toContain(`✓ ${name} approved "Challenge-Based Innovation for Sustainable Cities"`);
      expect(stdout).toMatch(/✓ "Challenge-Based Innovation for Sustainable Cities" published/);
      expect(stdout).toMatch(/✓ Aalborg University enrolled Ada Lovelace/);
      expect(stdout.match(/✓ .+ published the result of /g)).toHaveLength(3);
      expect(stdout).toContain(`✓ credential issued, signed by 3 universities (${AWARDING_BODIES.join(', ')})`);
      expect(stdout).toContain('✓ employer verification: VALID');
      expect(stdout).toMatch(/✓ provenance from the audit service: \d+ events/);

      const credential = section<Credential>(stdout, 'verified credential');
      const bodies = credential.credentialSubject.achievement.awardingBody;
      expect(bodies.map((b) => b.name)).toEqual(AWARDING_BODIES);
      expect(credential.issuer.id).toBe(bodies[0]!.id);
      const signers = credential.proof.map((p) => p.verificationMethod.split('#')[0]);
      expect([...signers].sort()).toEqual(bodies.map((b) => b.id).sort());
      // The printed credential is the signed one: an employer who pastes it elsewhere gets the same verdict.
      const report = await fetch(`http://127.0.0.1:${basePort + 4}/verifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credential),
      });
      expect(((await report.json()) as { verdict: string }).verdict).toBe('valid');

      const provenance = section<ProvenanceSummary>(stdout, 'provenance');
      expect(provenance.definition.approvals).toHaveLength(3);
      expect(provenance.enrolment.enrolmentId).toEqual(expect.any(String));
      expect(provenance.results.map((r) => r.componentCode).sort()).toEqual(['DESIGN-LAB', 'IMPACT', 'PBL-FRAME']);
      expect(provenance.signatures.map((s) => s.verificationMethod).sort()).toEqual(
        credential.proof.map((p) => p.verificationMethod).sort(),
      );
      expect(provenance.verifications.length).toBeGreaterThanOrEqual(1);
      expect(stdout).toMatch(/── timeline, causes first ──\n.+InstitutionRegistered/);
      expect(stdout).toMatch(/CredentialIssued/);
    } finally {
      platform.child.kill('SIGTERM');
      await platform.exited;
    }
  }, 300_000);

  it('says how to start the platform when nothing listens on the ports', async () => {
    const { code, output } = await demo(['--base-port', String(5590)], {});
    expect(code).toBe(1);
    expect(output).toContain('cannot reach the catalogue service at http://127.0.0.1:5590');
    expect(output).toContain('is the platform running? Start it with `npm start`');
  });
});
