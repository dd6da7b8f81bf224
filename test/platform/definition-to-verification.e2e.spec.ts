import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCredentialScenario } from '../support/credential-scenario';
import { eventually } from '../support/scenario-http';
import { builtMain } from '../support/spawn-process';
import { platformUrls } from '../support/embedded-platform';
import { randomBasePort } from '../support/base-port';

/**
 * The whole platform as a new user meets it (`npm start`, the built executable on the embedded defaults),
 * driven only over HTTP through the shared credential scenario. Needs `npm run build` first; the same
 * scenario runs against the distributed platform in test/distributed.
 */
describe('from a definition to an employer verifying the credential, over HTTP', () => {
  const base = randomBasePort(4500, 100);
  const { catalogue, enrolment, assessment, issuance, verification } = platformUrls(base);
  const dataDir = mkdtempSync(join(tmpdir(), 'scenario-'));
  let platform: ChildProcess;
  let output = '';
  const patience = { timeoutMs: 30_000, diagnostics: () => output.slice(-4000) };

  beforeAll(async () => {
    platform = spawn(process.execPath, [builtMain('platform')], {
      env: { ...process.env, DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(base), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    platform.stdout!.on('data', (d) => (output += d));
    platform.stderr!.on('data', (d) => (output += d));
    await eventually(async () => (output.includes('"msg":"platform ready"') ? true : undefined), 'the platform', {
      ...patience,
      timeoutMs: 90_000,
    });
  }, 120_000);
  afterAll(async () => {
    platform?.kill('SIGTERM');
    await new Promise((r) => platform?.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('issues a credential both universities signed, which an employer can verify, and which stops verifying once revoked', async () => {
    await runCredentialScenario({ catalogue, enrolment, assessment, issuance, verification }, patience);
  }, 120_000);
});
