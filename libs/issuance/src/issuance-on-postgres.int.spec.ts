import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegrationBus, type IntegrationBus } from '@alliance/messaging';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { messages, UNI_A, UNI_B } from './__e2e__/alliance-messages';
import { delegateToPlatform, eventually, type IssuanceApp, startIssuance } from './__e2e__/issuance-app';

/** The distributed configuration: events and read models (with the sealed key vault) on PostgreSQL. */
describe('issuance on PostgreSQL (event store, read models, key vault, checkpoints)', () => {
  let db: TestDatabase;
  let bus: IntegrationBus;
  const dataDir = mkdtempSync(join(tmpdir(), 'issuance-pg-'));
  const env = () => ({
    EVENT_STORE: 'postgres',
    READ_MODEL: 'postgres',
    DATABASE_URL: db.url,
    ISSUANCE_CRYPTOSUITE: 'eddsa-rdfc-2022',
    PERSONAL_DATA_KEY: 'cd'.repeat(32),
  });

  beforeAll(async () => {
    db = await createTestDatabase('issuance_int');
    bus = await createIntegrationBus({ kind: 'in-process' });
  });
  afterAll(async () => {
    await bus?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues, survives a restart with its sealed keys, and goes on signing without repeating itself', async () => {
    let app: IssuanceApp = await startIssuance({ env: env(), bus, dataDir });
    const admin = await app.token('alliance-admin');
    await bus.publish([messages.institutionRegistered(UNI_A), messages.institutionRegistered(UNI_B), messages.specPublished()]);
    for (const id of [UNI_A, UNI_B]) {
      const key = (await delegateToPlatform(app, id)).publicKeyMultibase;
      await bus.publish([messages.keyAdded(id as typeof UNI_A, key)]);
    }
    await bus.publish([
      messages.enrolled('enr-1', 'l-1'),
      messages.result('enr-1', 'l-1', 'SES-1', 8),
      messages.result('enr-1', 'l-1', 'SES-2', 8),
    ]);
    const list = async (a: IssuanceApp, learner: string) =>
      (await a.http().get(`/credentials?learner=${learner}`).set('authorization', `Bearer ${admin}`)).body.items as {
        credentialId: string;
        lifecycle: string;
      }[];
    await eventually(async () => (await list(app, 'l-1')).find((c) => c.lifecycle === 'issued'), 30_000, 'first credential');
    await app.close();

    app = await startIssuance({ env: env(), bus, dataDir });
    try {
      await bus.publish([
        messages.enrolled('enr-2', 'l-2'),
        messages.result('enr-2', 'l-2', 'SES-1', 9),
        messages.result('enr-2', 'l-2', 'SES-2', 9),
      ]);
      const second = await eventually(
        async () => (await list(app, 'l-2')).find((c) => c.lifecycle === 'issued'),
        30_000,
        'second credential, signed with keys opened from the vault after the restart',
      );
      expect(second).toBeDefined();
      expect((await list(app, 'l-1')).filter((c) => c.lifecycle === 'issued')).toHaveLength(1);
      const vault = await app.http().get(`/institutions/${UNI_A}/signing`).set('authorization', `Bearer ${admin}`).expect(200);
      expect(vault.body.keys).toEqual([expect.objectContaining({ registered: true, publicKeyMultibase: expect.stringMatching(/^z6Mk/) })]);
      expect(JSON.stringify(vault.body)).not.toMatch(/sealed|ciphertext|privateKey/);
    } finally {
      await app.close();
    }
  }, 120_000);
});
