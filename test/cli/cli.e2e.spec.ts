import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeadLetter, InProcessDeadLetters } from '@alliance/messaging';
import { TokenVerifier } from '@alliance/nest-kit';
import { builtMain, type CompletedRun, runNode, spawnNode } from '../support/spawn-process';

const AUTH = {
  AUTH_JWT_SECRET: 'cli-e2e-secret-of-at-least-thirty-two-characters',
  AUTH_ISSUER: 'alliance-platform',
  AUTH_AUDIENCE: 'alliance-api',
};

/** Runs the built CLI to completion and returns its exit code and output. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CompletedRun> {
  return runNode(builtMain('cli'), args, { ...AUTH, LOG_LEVEL: 'warn', ...env });
}

describe('alliance CLI (built executable)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('mints a development token that the services accept, with the role and institution asked for', async () => {
    const { code, stdout } = await cli(['token', 'mint', '--role', 'registrar', '--sub', 'reg@tampere', '--institution', 'inst-tuni']);
    expect(code).toBe(0);
    const actor = await new TokenVerifier(AUTH).verify(stdout.trim());
    expect(actor).toEqual({ subject: 'reg@tampere', role: 'registrar', institution: 'inst-tuni' });
    await expect(
      new TokenVerifier({ ...AUTH, AUTH_JWT_SECRET: 'another-secret-of-at-least-thirty-two-chars' }).verify(stdout.trim()),
    ).rejects.toThrow(/invalid token/);
  });

  it('refuses a role that does not exist', async () => {
    const { code, output } = await cli(['token', 'mint', '--role', 'dean']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/dean/);
  });

  it("lists the embedded platform's dead letters and records a replay request the running bus carries out", async () => {
    const file = join(dataDir, 'dead-letters.jsonl');
    const writer = new InProcessDeadLetters(file);
    const letter = await writer.add({
      group: 'issuance',
      topic: 'assessment',
      original: {
        key: 'enr-1',
        value: '{"grade":"A"}',
        headers: { 'event-id': 'e-1', 'event-type': 'assessment.result.published', 'event-version': '9' },
      },
      reason: 'unknown-version: assessment.result.published v9',
      error: { name: 'PoisonMessageError', message: 'unknown version 9' },
      attempts: 1,
      failedAt: '2026-12-01T10:00:00.000Z',
    });
    writer.close();

    const listed = await cli(['dead-letters', 'list', '--json'], { DATA_DIR: dataDir });
    expect(listed.code).toBe(0);
    const rows = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DeadLetter);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: letter.id, group: 'issuance', reason: 'unknown-version: assessment.result.published v9' });
    expect(rows[0].original.headers['event-id']).toBe('e-1');

    const replayed = await cli(['dead-letters', 'replay', letter.id], { DATA_DIR: dataDir });
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain(`replayed ${letter.id}`);
    expect(readFileSync(file, 'utf8')).toContain('"kind":"replay-requested"');

    // The platform's bus, polling the same journal, redelivers the letter once and marks it replayed.
    const redelivered: string[] = [];
    const bus = new InProcessDeadLetters(file, (l) => redelivered.push(l.id), 20);
    try {
      for (let i = 0; i < 100 && redelivered.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(redelivered).toEqual([letter.id]);
      expect(await bus.list()).toEqual([]);
    } finally {
      bus.close();
    }

    const unknown = await cli(['dead-letters', 'replay', 'issuance/999'], { DATA_DIR: dataDir });
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toContain('issuance/999');
  });

  it('seeds a running catalogue with the ECIU members and a published joint credential, writing private keys 0600', async () => {
    const port = 4700 + Math.floor(Math.random() * 200);
    const catalogue = spawnNode(builtMain('catalogue'), [], {
      ...AUTH,
      DATA_DIR: join(dataDir, 'seed'),
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    try {
      await catalogue.waitFor(/"msg":"service listening"/, 60_000);
      const keysFile = join(dataDir, 'demo-keys.json');
      const seeded = await cli(['seed-demo', '--quiet', '--catalogue-url', `http://127.0.0.1:${port}`, '--keys-file', keysFile]);
      expect(seeded.code).toBe(0);
      const summary = JSON.parse(seeded.stdout) as {
        institutions: { id: string; name: string; did: string }[];
        credentialSpec: { status: string };
        privateKeysWritten: number;
      };
      expect(summary.institutions.length).toBeGreaterThanOrEqual(3);
      expect(summary.credentialSpec.status).toBe('published');
      expect(summary.privateKeysWritten).toBe(summary.institutions.length);
      expect(statSync(keysFile).mode & 0o777).toBe(0o600);
      // Without a configured public URL, members' did:web names the address the catalogue really serves them at.
      const member = summary.institutions[0];
      expect(member.did).toBe(`did:web:127.0.0.1%3A${port}:institutions:${member.id}`);
      const didDocument = (await (await fetch(`http://127.0.0.1:${port}/institutions/${member.id}/did.json`)).json()) as { id: string };
      expect(didDocument.id).toBe(member.did);
      const auditor = (await cli(['token', 'mint', '--role', 'auditor'])).stdout.trim();
      const res = await fetch(`http://127.0.0.1:${port}/credential-specs?status=published`, {
        headers: { authorization: `Bearer ${auditor}` },
      });
      const published = (await res.json()) as { items?: { status: string }[] };
      expect({ status: res.status, published }).toMatchObject({
        status: 200,
        published: { items: [expect.objectContaining({ status: 'published' })] },
      });
    } finally {
      catalogue.child.kill('SIGTERM');
      await catalogue.exited;
    }
  }, 120_000);
});
