import { createEventStore, createReadModelOrm, type EventStore, NO_STREAM, ProjectionRunner } from '@alliance/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { Client } from 'pg';
import { toNewEvent } from '../__fixtures__/audit-stores.fixture';
import { credentialStatusProjection, CredentialStatusRows } from '../__fixtures__/credentials-projection.fixture';
import { ReadModelAuditor } from './read-model-auditor';

describe('read model replay against a live PostgreSQL read model', () => {
  let db: TestDatabase;
  let store: EventStore;
  let auditor: ReadModelAuditor;

  beforeAll(async () => {
    db = await createTestDatabase('audit_replay');
    store = await createEventStore({ kind: 'postgres', url: db.url, schema: 'issuance_events', poolSize: 2 });
    for (let i = 0; i < 300; i++) {
      const types = ['CredentialDrafted', 'CredentialIssued', ...(i % 5 === 0 ? ['CredentialRevoked'] : [])];
      await store.appendToStream(
        `issuance.credential-${i}`,
        types.map((type) => toNewEvent({ type, data: { credentialId: `${i}` }, at: '2025-01-01T00:00:00.000Z' })),
        { expectedRevision: NO_STREAM },
      );
    }
    // The service's own runner keeps the live tables; the auditor connects to the same database.
    const url = db.url;
    const live = await createReadModelOrm({ kind: 'postgres', url, poolSize: 2 });
    await new ProjectionRunner({ store, orm: live, projection: credentialStatusProjection, batchSize: 50 }).catchUp();
    await live.close();
    auditor = new ReadModelAuditor(
      [{ name: 'issuance', store }],
      [{ store: 'issuance', projection: credentialStatusProjection, readModel: { kind: 'postgres', url, poolSize: 2 } }],
      { allowEmbedded: false },
    );
  }, 60_000);

  afterAll(async () => {
    await auditor.close();
    await store.close();
    await db.drop();
  });

  it('finds no difference, then names a row edited behind the projection', async () => {
    expect(await auditor.replay('fixture.credential-status')).toMatchObject({
      identical: true,
      position: 660,
      tables: [{ liveRows: 300, replayRows: 300 }],
    });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const table = CredentialStatusRows.table(1);
    await client.query(`DELETE FROM ${table} WHERE credential_id = '7'`);
    await client.end();
    const report = await auditor.replay('fixture.credential-status');
    expect(report).toMatchObject({
      identical: false,
      tables: [{ onlyInLive: 0, onlyInReplay: 1, sampleOnlyInReplay: [expect.objectContaining({ credential_id: '7', status: 'issued' })] }],
    });
  });
});
