import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { Client } from 'pg';
import type { EventMetadata } from '../envelope';
import type { EventStore } from '../event-store.port';
import { NO_STREAM } from '../expected-revision';
import { createReadModelOrm, type ReadModelOrm } from '../read-model/create-read-model-orm';
import { createEventStore } from '../store/create-event-store';
import { EmbeddedEventStore } from '../store/embedded/embedded-event-store';
import { UnstorableEventError } from '../store/errors/unstorable-event.error';
import { newEventId } from '../store/event-id';
import { canonicalJson } from '../store/hash-chain/canonical-json';
import { computeEventHash } from '../store/hash-chain/compute-event-hash';
import { verifyChain } from '../store/hash-chain/verify-chain';
import { CourseRows, seatsProjection } from '../testing/__fixtures__/seats-projection';
import { ProjectionRunner } from './projection-runner';

const METADATA: EventMetadata = { occurredAt: '2026-06-30T12:00:00.000Z', actor: { subject: 'registrar-1' }, correlationId: 'corr-1' };
const opened = (courseId: string, capacity: unknown) => ({ type: 'demo.course-opened', data: { courseId, capacity }, metadata: METADATA });

/** The first event of a new stream as an adapter would have chained it, written past `prepareEvents`: the state of a log from before the append guard. */
function firstEventBypassingTheGuard(streamId: string, data: unknown, metadata: EventMetadata = METADATA) {
  const content = {
    eventId: newEventId(),
    streamId,
    revision: 0,
    type: 'demo.course-opened',
    schemaVersion: 1,
    data,
    metadata,
    previousHash: null,
  };
  return { ...content, hash: computeEventHash(content) };
}

/**
 * Logs poisoned before appends refused unstorable text, read by a projection into PostgreSQL read models:
 * the projection repairs what it can on read, parks what it cannot apply, and goes on; the log and its hash
 * chain stay exactly as stored.
 */
describe('a poisoned log, projected into PostgreSQL', () => {
  let db: TestDatabase;
  let orm: ReadModelOrm;
  beforeAll(async () => {
    db = await createTestDatabase('poisoned_log');
    orm = await createReadModelOrm({ kind: 'postgres', url: db.url });
  }, 30_000);
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  describe('PostgreSQL event store', () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await createEventStore({ kind: 'postgres', url: db.url });
    });
    afterAll(() => store.close());

    it('refuses to append a NUL or an unpaired surrogate, so the log cannot be poisoned through the store', async () => {
      await expect(store.appendToStream('demo.course-nul', [opened('c\u0000', 1)], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
        UnstorableEventError,
      );
      await expect(store.appendToStream('demo.course-lone', [opened('c\ud800', 1)], { expectedRevision: NO_STREAM })).rejects.toMatchObject(
        { status: 422, field: 'data.courseId' },
      );
      expect(await store.streamRevision('demo.course-nul')).toBe(-1);
    });

    it('parks an event already stored that the projection cannot apply, and applies every event after it', async () => {
      await store.appendToStream('demo.course-c1', [opened('c1', 2)], { expectedRevision: NO_STREAM });
      // jsonb holds no NUL, so what a PostgreSQL log can hold and a projection cannot apply is a shape: a capacity that is no number.
      const poisoned = firstEventBypassingTheGuard('demo.course-bad', { courseId: 'bad', capacity: 'lots' });
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(
          `insert into event_store.events (event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            poisoned.eventId,
            poisoned.streamId,
            0,
            poisoned.type,
            1,
            canonicalJson(poisoned.data),
            canonicalJson(poisoned.metadata),
            null,
            poisoned.hash,
          ],
        );
      } finally {
        await client.end();
      }
      await store.appendToStream('demo.course-c2', [opened('c2', 4)], { expectedRevision: NO_STREAM });

      const runner = new ProjectionRunner({ store, orm, projection: { ...seatsProjection, version: 41 }, parkAfterAttempts: 2 });
      const { position } = await runner.catchUp();
      expect(position).toBe(await store.headPosition());
      const rows = await orm.em.fork().find(CourseRows.entity(41), {}, { orderBy: { courseId: 'asc' } });
      expect(rows.map((r) => [r.courseId, r.capacity])).toEqual([
        ['c1', 2],
        ['c2', 4],
      ]);
      const parked = await runner.parked();
      expect(parked).toEqual([
        expect.objectContaining({
          projection: 'demo.seats_v41',
          eventId: poisoned.eventId,
          streamId: 'demo.course-bad',
          type: 'demo.course-opened',
          attempts: 2,
        }),
      ]);
      expect(parked[0]!.reason).not.toBe('');
      expect(await runner.lag()).toMatchObject({ lag: 0, parked: 1 });
      expect(await verifyChain(store)).toMatchObject({ ok: true });

      // A rebuild from zero parks it the same way: live and rebuilt read models agree.
      const rebuilt = new ProjectionRunner({ store, orm, projection: { ...seatsProjection, version: 42 }, parkAfterAttempts: 2 });
      await rebuilt.catchUp();
      expect((await rebuilt.parked()).map((p) => p.eventId)).toEqual([poisoned.eventId]);
      expect(await orm.em.fork().count(CourseRows.entity(42))).toBe(2);
    });
  });

  describe('embedded event store holding a NUL', () => {
    let dir: string;
    let store: EmbeddedEventStore;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'poisoned-log-'));
      store = EmbeddedEventStore.open({ dataDir: dir });
    });
    afterAll(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('repairs the text on read so the read model takes it, leaving the stored event and its hash chain as they were', async () => {
      await store.appendToStream('demo.course-c3', [opened('c3', 1)], { expectedRevision: NO_STREAM });
      const poisoned = firstEventBypassingTheGuard(
        'demo.course-nul',
        { courseId: 'c\u0000nul', capacity: 5 },
        { ...METADATA, actor: { subject: 'reg\u0000istrar' } },
      );
      const file = new DatabaseSync(store.file);
      try {
        file
          .prepare(
            'INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            poisoned.eventId,
            poisoned.streamId,
            0,
            poisoned.type,
            1,
            canonicalJson(poisoned.data)!,
            canonicalJson(poisoned.metadata)!,
            null,
            poisoned.hash,
          );
      } finally {
        file.close();
      }
      await store.appendToStream('demo.course-c4', [opened('c4', 2)], { expectedRevision: NO_STREAM });

      const runner = new ProjectionRunner({ store, orm, projection: { ...seatsProjection, version: 43 }, parkAfterAttempts: 1 });
      await runner.catchUp();
      const rows = await orm.em.fork().find(CourseRows.entity(43), {}, { orderBy: { courseId: 'asc' } });
      expect(rows.map((r) => [r.courseId, r.capacity])).toEqual([
        ['c3', 1],
        ['c4', 2],
        ['c\uFFFDnul', 5],
      ]);
      expect(await runner.parked()).toEqual([]);
      const [stored] = await store.readStream('demo.course-nul', { verifyHashes: true });
      expect(stored!.data).toEqual({ courseId: 'c\u0000nul', capacity: 5 });
      expect(stored!.metadata.actor.subject).toBe('reg\u0000istrar');
      expect(await verifyChain(store)).toEqual({ ok: true, checked: 3 });
    });
  });
});
