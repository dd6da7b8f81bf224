import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVED_CONTEXTS } from '@alliance/credentials';
import {
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  recordAllResults,
  type ServiceUrls,
  setUpJointCredential,
} from '../support/joint-credential';
import { call, eventually, type Patience, token } from '../support/scenario-http';
import { builtMain, spawnNode, type SpawnedProcess } from '../support/spawn-process';
import { platformUrls } from '../support/embedded-platform';
import { verifyProofsAsAStandardVerifier } from '../support/standard-credential-verifier';
import { randomBasePort } from '../support/base-port';

type Credential = Record<string, unknown> & { '@context': string[]; proof: { verificationMethod: string; cryptosuite: string }[] };
const EXTENSION_CONTEXT = SERVED_CONTEXTS.find((c) => c.path === 'microcredential/v2')!;

/**
 * The platform executable (embedded defaults) issues a co-signed eddsa-rdfc-2022 credential; a verifier that is
 * not ours, @digitalbazaar/vc holding only the standard contexts, fetches the platform's extension context from
 * where the credential names it and checks every proof. Needs `npm run build` first.
 */
describe.each([
  ["under issuance's public URL (the default)", (_issuance: string) => ({}), (issuance: string) => issuance],
  // Another host name for the same server: credentials name it, every service of the platform must read it.
  [
    'under a configured CONTEXT_BASE_URL',
    (issuance: string) => ({ CONTEXT_BASE_URL: issuance.replace('127.0.0.1', 'localhost') }),
    (issuance: string) => issuance.replace('127.0.0.1', 'localhost'),
  ],
])('a co-signed credential whose extension context is served %s', (_name, extraEnv, expectedBase) => {
  const base = randomBasePort(5200, 150);
  const { catalogue, enrolment, assessment, issuance, verification } = platformUrls(base);
  const urls: ServiceUrls = { catalogue, enrolment, assessment, issuance, verification };
  const dataDir = mkdtempSync(join(tmpdir(), 'contexts-e2e-'));
  let platform: SpawnedProcess;
  const patience: Patience = { timeoutMs: 30_000, diagnostics: () => platform?.output().slice(-4000) ?? '' };
  let credential: Credential;

  beforeAll(async () => {
    platform = spawnNode(builtMain('platform'), [], {
      DATA_DIR: dataDir,
      PLATFORM_BASE_PORT: String(base),
      LOG_LEVEL: 'warn',
      ...extraEnv(issuance),
    });
    await platform.waitFor(/"msg":"platform ready"/, 90_000);
    credential = await issueOne(urls, patience);
  }, 150_000);
  afterAll(async () => {
    platform?.child.kill('SIGTERM');
    await platform?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('names the extension context where the platform serves it, and our own verifier reads it from its pinned copy', async () => {
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      `${expectedBase(issuance)}/contexts/microcredential/v2`,
    ]);
    expect(credential.proof.map((p) => p.cryptosuite)).toEqual(['eddsa-rdfc-2022', 'eddsa-rdfc-2022']);
    const report = await call<{ verdict: string; checks: { id: string; outcome: string }[] }>(
      'POST',
      `${verification}/verifications`,
      credential,
    );
    expect(report.checks.find((c) => c.id === 'proofs')?.outcome).toBe('passed');
    expect(report.verdict).toBe('valid');
  });

  it('is verified by @digitalbazaar/vc, every rdfc proof, with the context fetched from the platform as published', async () => {
    const reading = await verifyProofsAsAStandardVerifier(credential);
    expect(reading.error).toBeUndefined();
    expect(reading.proofs.map((p) => ({ verificationMethod: p.verificationMethod, verified: p.verified, error: p.error }))).toEqual(
      credential.proof.map((p) => ({ verificationMethod: p.verificationMethod, verified: true, error: undefined })),
    );
    expect(reading.issuer).toEqual({ verified: true });
    const contextUrl = credential['@context'][2]!;
    expect(reading.fetched.filter((f) => f.url === contextUrl)).toEqual([
      {
        url: contextUrl,
        status: 200,
        contentType: expect.stringMatching(/^application\/ld\+json/),
        etag: `"sha256-${EXTENSION_CONTEXT.sha256}"`,
        cacheControl: 'public, max-age=31536000, immutable',
        allowOrigin: '*',
        sha256: EXTENSION_CONTEXT.sha256,
      },
    ]);
  }, 60_000);

  it('is refused by the same verifier once a signed claim is altered', async () => {
    const altered = structuredClone(credential);
    (altered.credentialSubject as { achievement: { eqfLevel: string } }).achievement.eqfLevel = 'http://data.europa.eu/snb/eqf/8';
    const reading = await verifyProofsAsAStandardVerifier(altered);
    expect(reading.issuer.verified).toBe(false);
    expect(reading.proofs.map((p) => p.verified)).toEqual([false, false]);
  }, 60_000);
});

/** Two members, a published joint definition, one learner assessed by both: the co-signed credential issuance issues. */
async function issueOne(urls: ServiceUrls, patience: Patience): Promise<Credential> {
  const admin = await token('alliance-admin');
  const { members, specId } = await setUpJointCredential(urls, admin);
  const [lead, partner] = members as [(typeof members)[number], (typeof members)[number]];
  const registrar = await token('registrar', lead.id);
  const { enrolmentId, learnerId } = await enrolOnceKnown(
    urls.enrolment,
    enrolmentRequest({ givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' }, specId, lead.id),
    registrar,
    patience,
  );
  await recordAllResults(urls.assessment, enrolmentId, [lead, partner], patience);
  const issued = await eventually(
    async () => (await listCredentials(urls.issuance, { learner: learnerId }, admin)).items.find((c) => c.lifecycle === 'issued'),
    'the credential',
    patience,
  );
  return call<Credential>('GET', `${urls.issuance}/credentials/${issued.credentialId}`, undefined, admin);
}
