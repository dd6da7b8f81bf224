import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import { createEventStore, type EventStore, NO_STREAM } from '@alliance/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { toNewEvent } from '../__fixtures__/audit-stores.fixture';
import { IDS, writeCredentialHistory } from '../__fixtures__/credential-history.fixture';
import { auditKeyFromSeed } from '../domain/signed-checkpoint';
import type { AuditSource } from './audit-source';
import { exportBundle } from './bundle-exporter';
import { verifyBundle } from './bundle-verifier';
import { Checkpointer } from './checkpointer';
import { verifyLog } from './log-verifier';
import { credentialProvenance } from './provenance/credential-provenance';

const SERVICES = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification'];

describe('tamper evidence on PostgreSQL stores (a schema per service)', () => {
  let db: TestDatabase;
  let sources: AuditSource[];
  let auditStore: EventStore;
  const key = auditKeyFromSeed('22'.repeat(32));

  beforeAll(async () => {
    db = await createTestDatabase('audit_tamper');
    const open = (service: string) => createEventStore({ kind: 'postgres', url: db.url, schema: `${service}_events`, poolSize: 2 });
    sources = await Promise.all(SERVICES.map(async (name) => ({ name, store: await open(name) })));
    auditStore = await open('audit');
    // The same history the embedded specs use, written through the PostgreSQL adapter.
    const world = {
      append: async (streamId: string, events: Parameters<typeof toNewEvent>[0][]) => {
        const store = sources.find((s) => s.name === streamId.split('.')[0])!.store;
        const revision = await store.streamRevision(streamId);
        await store.appendToStream(streamId, events.map(toNewEvent), { expectedRevision: revision < 0 ? NO_STREAM : revision });
      },
    };
    await writeCredentialHistory(world);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...sources.map((s) => s.store.close()), auditStore.close()]);
    await db.drop();
  });

  it('verifies the intact store, provenance included', async () => {
    await new Checkpointer(sources, auditStore, key).checkpointAll();
    const verdicts = await verifyLog(sources, auditStore, key.publicKey);
    expect(verdicts.every((v) => v.ok)).toBe(true);
    expect(verdicts.map((v) => v.checkpointsChecked)).toEqual([1, 1, 1, 1, 1, 0]);
    expect((await credentialProvenance(sources, IDS.credential))!.summary.status.at(-1)).toMatchObject({ change: 'revoked' });
  });

  it('exports a bundle from PostgreSQL that verifies offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-pg-bundle-'));
    try {
      await exportBundle(sources, auditStore, key, dir);
      expect(await verifyBundle(dir, { publicKey: key.publicKey })).toMatchObject({ ok: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the row changed by a direct UPDATE', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const victim = (
        await client.query(
          `SELECT position, event_id, stream_id, revision, hash FROM issuance_events.events WHERE type = 'CredentialRevoked'`,
        )
      ).rows[0];
      // The append-only trigger refuses it as is...
      await expect(
        client.query(`UPDATE issuance_events.events SET data = data || '{"reason":"none"}' WHERE position = $1`, [victim.position]),
      ).rejects.toThrow(/append-only/);
      // ...so an insider with superuser rights switches triggers off for the session.
      await client.query('SET session_replication_role = replica');
      await client.query(`UPDATE issuance_events.events SET data = data || '{"reason":"none"}' WHERE position = $1`, [victim.position]);
      const verdicts = await verifyLog(sources, auditStore, key.publicKey);
      expect(verdicts.filter((v) => !v.ok).map((v) => v.store)).toEqual(['issuance']);
      expect(verdicts.find((v) => v.store === 'issuance')!.finding).toEqual({
        kind: 'broken-link',
        store: 'issuance',
        streamId: `issuance.credential-${IDS.credential}`,
        revision: Number(victim.revision),
        position: Number(victim.position),
        eventId: victim.event_id,
        expectedHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        foundHash: victim.hash,
        reason: 'hash-mismatch',
      });
    } finally {
      await client.end();
    }
  });
});
