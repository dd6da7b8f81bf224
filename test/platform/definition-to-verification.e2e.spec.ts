import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthenticatedActor, mintToken, type Role } from '@alliance/nest-kit';

/**
 * The whole platform as a new user meets it (`npm start`, the built executable on the embedded defaults),
 * driven only over HTTP: members and their signing keys, a joint definition approved and published, an
 * enrolment, results from both universities, the co-signed credential, and an employer's verification of it,
 * before and after suspension and revocation. Needs `npm run build` first.
 */
const MAIN = join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'platform', 'src', 'main.js');
const auth = { AUTH_JWT_SECRET: 'development-only-secret-change-me-0000', AUTH_ISSUER: 'alliance-platform', AUTH_AUDIENCE: 'alliance-api' };
const describeBuilt = existsSync(MAIN) ? describe : describe.skip;
if (!existsSync(MAIN)) console.log(`Skipping the platform scenario: ${MAIN} is missing (run npm run build)`);

describeBuilt('from a definition to an employer verifying the credential, over HTTP', () => {
  const base = 4500 + Math.floor(Math.random() * 100) * 10;
  const [catalogue, enrolment, assessment, issuance, verification] = [0, 1, 2, 3, 4].map((i) => `http://127.0.0.1:${base + i}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'scenario-'));
  let platform: ChildProcess;
  let output = '';
  const token = (role: Role, institution?: string) => mintToken({ subject: `${role}-${institution ?? 'alliance'}`, role, ...(institution ? { institution } : {}) } as AuthenticatedActor, auth);

  async function call<T = Record<string, unknown>>(method: string, url: string, body?: unknown, bearer?: string, expected = [200, 201]): Promise<T> {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  async function eventually<T>(probe: () => Promise<T | undefined>, what: string, attempts = 300): Promise<T> {
    for (let i = 0; i < attempts; i++) {
      const v = await probe();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; platform output:\n${output.slice(-4000)}`);
  }

  beforeAll(async () => {
    platform = spawn(process.execPath, [MAIN], { env: { ...process.env, DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(base), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    platform.stdout!.on('data', (d) => (output += d));
    platform.stderr!.on('data', (d) => (output += d));
    await eventually(async () => (output.includes('"msg":"platform ready"') ? true : undefined), 'the platform', 900);
  }, 120_000);
  afterAll(async () => {
    platform?.kill('SIGTERM');
    await new Promise((r) => platform?.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('issues a credential both universities signed, which an employer can verify, and which stops verifying once revoked', async () => {
    const admin = await token('alliance-admin');
    const member = (name: string, countryCode: string, host: string) =>
      call<{ id: string; did: string }>('POST', `${catalogue}/institutions`, { name, legalName: name, countryCode, homepage: `https://${host}` }, admin);
    const lead = await member('Aalborg University', 'DK', 'www.aau.dk');
    const partner = await member('University of Twente', 'NL', 'www.utwente.nl');
    for (const inst of [lead, partner]) {
      // Issuance generates the key and keeps the private half; the admin registers the public half in the catalogue.
      const key = await call<{ publicKeyMultibase: string }>('POST', `${issuance}/institutions/${inst.id}/signing-keys`, undefined, admin);
      await call('POST', `${catalogue}/institutions/${inst.id}/keys`, { publicKeyMultibase: key.publicKeyMultibase, custody: 'issuance-service' }, admin);
    }
    const definition = {
      title: 'Urban Climate Adaptation',
      description: 'Two universities teach and assess climate adaptation for cities together.',
      learningOutcomes: [{ description: 'Assess climate risks of an urban district' }, { description: 'Design nature-based adaptation measures' }],
      ects: 4,
      eqfLevel: 7,
      assessmentType: 'Project report and oral defence',
      formOfParticipation: 'blended',
      qualityAssurance: { type: 'Internal quality assurance of the awarding universities', body: 'The Danish Accreditation Institution' },
      awardingBodies: [
        { institutionId: lead.id, lead: true },
        { institutionId: partner.id, lead: false },
      ],
      components: [
        { code: 'RISK', title: 'Climate risk assessment', institutionId: lead.id, ects: 2 },
        { code: 'DESIGN', title: 'Adaptation design studio', institutionId: partner.id, ects: 2 },
      ],
      issuanceRule: { allComponentsPassed: true },
      gradingScheme: { type: 'numeric', minimum: 1, maximum: 10, passMark: 6 },
      languages: ['en'],
    };
    const spec = await call<{ id: string }>('POST', `${catalogue}/credential-specs`, definition, admin);
    await call('POST', `${catalogue}/credential-specs/${spec.id}/propose`, undefined, admin);
    for (const inst of [lead, partner]) await call('POST', `${catalogue}/credential-specs/${spec.id}/approvals`, { comment: 'approved' }, await token('institution-admin', inst.id));
    await call('POST', `${catalogue}/credential-specs/${spec.id}/publish`, undefined, admin);

    const registrar = await token('registrar', lead.id);
    const enrol = () =>
      call<{ enrolmentId?: string; id?: string; learnerId: string }>(
        'POST',
        `${enrolment}/enrolments`,
        { learner: { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' }, credentialSpecId: spec.id, institutionId: lead.id, consent: { givenAt: new Date().toISOString(), textVersion: 'v1' } },
        registrar,
        [201, 404, 409, 422],
      );
    const enrolled = await eventually(async () => {
      const e = await enrol();
      return e.learnerId ? e : undefined;
    }, 'the definition to reach enrolment');
    const enrolmentId = (enrolled.enrolmentId ?? enrolled.id)!;
    for (const [code, inst, grade] of [['RISK', lead, 8], ['DESIGN', partner, 9]] as const) {
      await eventually(
        async () => {
          const res = await fetch(`${assessment}/assessment-results`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('registrar', inst.id)}` },
            body: JSON.stringify({ enrolmentId, componentCode: code, grade, assessedOn: new Date().toISOString().slice(0, 10), assessmentType: 'Project', supervision: 'supervised-onsite-identity-verification' }),
          });
          return res.status < 300 ? true : undefined;
        },
        `the result of ${code}`,
      );
    }

    const credential = await eventually(async () => {
      const page = await call<{ items: { credentialId: string; lifecycle: string }[] }>('GET', `${issuance}/credentials?learner=${enrolled.learnerId}`, undefined, admin);
      return page.items.find((c) => c.lifecycle === 'issued');
    }, 'the credential');
    const vc = await call<Record<string, unknown>>('GET', `${issuance}/credentials/${credential.credentialId}`, undefined, admin);
    expect(vc.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
    expect(vc.proof).toHaveLength(2);
    await eventually(async () => ((await call<{ status: string }>('GET', `${enrolment}/enrolments/${enrolmentId}`, undefined, admin)).status === 'completed' ? true : undefined), 'the enrolment to complete');

    // The employer's side: no token, just the credential.
    const report = await call<{ verdict: string; credential: { awardingBodies: { name: string }[] } }>('POST', `${verification}/verifications`, vc);
    expect(report.verdict).toBe('valid');
    expect(report.credential.awardingBodies.map((b) => b.name)).toEqual(['Aalborg University', 'University of Twente']);
    expect(await call('POST', `${verification}/verifications`, { ...vc, name: 'Rocket Science' })).toMatchObject({ verdict: 'invalid', failure: { check: 'proofs' } });

    const partnerAdmin = await token('institution-admin', partner.id);
    await call('POST', `${issuance}/credentials/${credential.credentialId}/suspension`, { reason: 'identity check' }, partnerAdmin);
    expect(await call('POST', `${verification}/verifications`, vc)).toMatchObject({ verdict: 'invalid', failure: { check: 'status', code: 'SUSPENDED' } });
    await call('POST', `${issuance}/credentials/${credential.credentialId}/revocation`, { reason: 'identity fraud' }, partnerAdmin);
    const revoked = await eventually(async () => {
      const r = await call<{ verdict: string; failure?: { code: string; reason: string } }>('POST', `${verification}/verifications`, vc);
      return r.failure?.code === 'REVOKED' && r.failure.reason.includes('identity fraud') ? r : undefined;
    }, 'verification to learn the revocation reason');
    expect(revoked.verdict).toBe('invalid');
  }, 120_000);
});
