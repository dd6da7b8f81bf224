import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAuditWorld, type AuditWorld } from '../__fixtures__/audit-stores.fixture';
import { exportBundle } from './bundle-exporter';
import { bundleEventsFile } from './bundle-format';
import { verifyBundle } from './bundle-verifier';
import { Checkpointer } from './checkpointer';

const at = (second: number) => new Date(Date.UTC(2025, 2, 1, 12, 0, second)).toISOString();

describe('export bundle, verified offline', () => {
  let world: AuditWorld;
  let dir: string;

  beforeEach(async () => {
    world = await openAuditWorld(['catalogue', 'issuance']);
    for (let i = 0; i < 6; i++) {
      await world.append(`issuance.credential-${i % 3}`, [
        { type: 'CredentialProofAdded', data: { credentialId: `${i % 3}`, n: i }, at: at(i) },
      ]);
    }
    await world.append('catalogue.institution-a', [{ type: 'InstitutionRegistered', data: { institutionId: 'a' }, at: at(0) }]);
    await new Checkpointer(world.sources, world.auditStore, world.key).checkpointAll();
    // One event after the checkpoint: only the signed manifest seals it.
    await world.append('issuance.credential-0', [{ type: 'CredentialRevoked', data: { credentialId: '0' }, at: at(40) }]);
    dir = join(world.dir, 'bundle');
    const manifest = await exportBundle(world.sources, world.auditStore, world.key, dir);
    expect(manifest.stores.map((s) => [s.name, s.events, s.checkpoints])).toEqual([
      ['catalogue', 1, 1],
      ['issuance', 7, 1],
    ]);
  });
  afterEach(() => world.close());

  it('passes with the published key, and reports what the checkpoints do not cover yet', async () => {
    const verdict = await verifyBundle(dir, { publicKey: world.key.publicKey });
    expect(verdict).toMatchObject({ ok: true, keySource: 'given', manifest: { signed: true, ok: true } });
    expect(verdict.stores).toEqual([
      { store: 'catalogue', eventsChecked: 1, checkpointsChecked: 1, ok: true, uncheckpointedEvents: 0 },
      { store: 'issuance', eventsChecked: 7, checkpointsChecked: 1, ok: true, uncheckpointedEvents: 1 },
    ]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/How to verify/);
  });

  it('names the edited line of an events file', async () => {
    const file = join(dir, bundleEventsFile('issuance'));
    const lines = readFileSync(file, 'utf8').split('\n');
    const edited = JSON.parse(lines[3]!);
    edited.data.n = 99;
    lines[3] = JSON.stringify(edited);
    writeFileSync(file, lines.join('\n'));
    const verdict = await verifyBundle(dir, { publicKey: world.key.publicKey });
    expect(verdict.ok).toBe(false);
    expect(verdict.stores[1]).toMatchObject({
      ok: false,
      finding: { kind: 'broken-link', reason: 'hash-mismatch', position: 4, eventId: edited.eventId },
    });
    expect(verdict.manifest).toMatchObject({ ok: false, problem: expect.stringMatching(/issuance: events file differs/) });
  });

  it('catches a dropped tail event through the manifest signature', async () => {
    const file = join(dir, bundleEventsFile('issuance'));
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    writeFileSync(
      file,
      lines
        .slice(0, -1)
        .map((l) => l + '\n')
        .join(''),
    );
    const verdict = await verifyBundle(dir, { publicKey: world.key.publicKey });
    expect(verdict.stores.every((s) => s.ok)).toBe(true);
    expect(verdict).toMatchObject({ ok: false, manifest: { ok: false } });
  });

  it('fails with any other key, even one the bundle carries', async () => {
    const other = generateKeyPairSync('ed25519');
    const verdict = await verifyBundle(dir, { publicKey: other.publicKey });
    expect(verdict).toMatchObject({
      ok: false,
      manifest: { ok: false },
      stores: [{ ok: false, finding: { kind: 'checkpoint-signature' } }, expect.anything()],
    });
    writeFileSync(join(dir, 'audit-public-key.jwk.json'), JSON.stringify(other.publicKey.export({ format: 'jwk' })));
    expect((await verifyBundle(dir)).ok).toBe(false);
  });
});
