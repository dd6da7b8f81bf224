import {
  forkEntityManager,
  ProjectionRunner,
  type ReadModelOrm,
  PGLITE_START_BUDGET_MS,
  startPgliteForSpecs,
} from '@alliance/event-sourcing';
import { openAuditWorld, type AuditWorld } from '../__fixtures__/audit-stores.fixture';
import { credentialStatusProjection, CredentialStatusRows } from '../__fixtures__/credentials-projection.fixture';
import { writeCredentialHistory } from '../__fixtures__/credential-history.fixture';
import { replayReadModel } from './read-model-replay';

describe('read model replay for QA (embedded store, PGlite read model)', () => {
  let world: AuditWorld;
  let orm: ReadModelOrm;
  const entry = { store: 'issuance', projection: credentialStatusProjection };

  beforeAll(async () => {
    world = await openAuditWorld();
    await writeCredentialHistory(world);
    for (let i = 0; i < 40; i++) {
      await world.append(`issuance.credential-bulk-${i}`, [
        { type: 'CredentialDrafted', data: { credentialId: `bulk-${i}` }, at: '2025-06-01T00:00:00.000Z' },
        ...(i % 3 ? [{ type: 'CredentialIssued', data: { credentialId: `bulk-${i}` }, at: '2025-06-02T00:00:00.000Z' }] : []),
      ]);
    }
    orm = await startPgliteForSpecs();
    await new ProjectionRunner({
      store: world.source('issuance').store,
      orm,
      projection: credentialStatusProjection,
      batchSize: 7,
    }).catchUp();
  }, PGLITE_START_BUDGET_MS);
  afterAll(async () => {
    await orm.close();
    await world.close();
  });

  it('rebuilds from zero into fresh tables and finds no difference with the live ones', async () => {
    const progress: number[] = [];
    const report = await replayReadModel({
      store: world.source('issuance').store,
      orm,
      entry,
      onProgress: (p) => progress.push(p.handled),
    });
    expect(report).toMatchObject({ projection: 'fixture.credential-status', liveVersion: 1, replayVersion: 5001, identical: true });
    expect(report.tables).toEqual([
      expect.objectContaining({ table: 'audit_fixture_credentials_v1', equal: true, liveRows: 41, replayRows: 41 }),
    ]);
    expect(report.position).toBe(await world.source('issuance').store.headPosition());
    expect(report.handled).toBeGreaterThanOrEqual(41);
    expect(progress.length).toBeGreaterThan(0);
    const tables = await forkEntityManager(orm).execute(
      `select table_name from information_schema.tables where table_name like 'audit_fixture_credentials_v%'`,
    );
    expect(tables).toEqual([{ table_name: 'audit_fixture_credentials_v1' }]);
  });

  it('names the rows a live table got wrong', async () => {
    const em = forkEntityManager(orm);
    await em.execute(`update ${CredentialStatusRows.table(1)} set status = 'issued' where credential_id = 'cred-1'`);
    const report = await replayReadModel({ store: world.source('issuance').store, orm, entry });
    expect(report.identical).toBe(false);
    expect(report.tables[0]).toMatchObject({
      equal: false,
      onlyInLive: 1,
      onlyInReplay: 1,
      sampleOnlyInLive: [expect.objectContaining({ credential_id: 'cred-1', status: 'issued' })],
      sampleOnlyInReplay: [expect.objectContaining({ credential_id: 'cred-1', status: 'revoked' })],
    });
    await em.execute(`update ${CredentialStatusRows.table(1)} set status = 'revoked' where credential_id = 'cred-1'`);
  });

  it('refuses a read model with no live checkpoint', async () => {
    await expect(
      replayReadModel({
        store: world.source('issuance').store,
        orm,
        entry: { ...entry, projection: { ...credentialStatusProjection, version: 9 } },
      }),
    ).rejects.toMatchObject({
      code: 'audit.read-model-not-live',
      status: 409,
    });
  });
});
