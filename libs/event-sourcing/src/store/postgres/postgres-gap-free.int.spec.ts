import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import type { RecordedEvent } from '../../envelope';
import { NO_STREAM } from '../../expected-revision';
import { chainEvents, EMPTY_STREAM } from '../append/chain-events';
import { prepareEvents } from '../append/prepare-events';
import { anEvent, inParallel, waitFor } from '../testing/contract-fixtures';
import { eventsDocument } from './postgres-append';
import { PostgresEventStore } from './postgres-event-store';

const schema = 'gap_free_events';

describe('PostgreSQL readers never pass a position that commits later', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_gap_free');
    store = await PostgresEventStore.open({ url: db.url, schema, idlePollMs: 50 });
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('holds back a live subscriber until an earlier, slower append commits', async () => {
    await store.appendToStream('held.first-0', [anEvent('Before', {})], { expectedRevision: NO_STREAM });
    const received: RecordedEvent[] = [];
    let caughtUp = false;
    const subscription = store.subscribeToAll({
      filter: { streamPrefixes: ['held.'] },
      handler: (e) => void received.push(e),
      onCaughtUp: () => (caughtUp = true),
    });
    await waitFor(() => caughtUp && received.length === 1, 'catch-up');

    // Transaction 1 takes a position and stays open, as a slow or paused writer would.
    const slow = new Client({ connectionString: db.url });
    await slow.connect();
    const [held] = chainEvents('held.slow-1', EMPTY_STREAM, prepareEvents('held.slow-1', [anEvent('Slow', {})]).events);
    await slow.query('BEGIN');
    const { rows } = await slow.query(`SELECT * FROM ${schema}.append_events($1, -1, NULL, $2, $3, false)`, [
      held.streamId,
      [held.eventId],
      eventsDocument([held]),
    ]);
    const heldPosition = Number(rows[0].last_position);

    // Transaction 2 takes the next position and commits first.
    const fast = await store.appendToStream('held.fast-1', [anEvent('Fast', {})], { expectedRevision: NO_STREAM });
    expect(fast.lastPosition).toBeGreaterThan(heldPosition);

    await new Promise((r) => setTimeout(r, 300));
    expect(received.map((e) => e.type)).toEqual(['Before']);
    const readers: string[] = [];
    for await (const e of store.readAll({ filter: { streamPrefixes: ['held.'] } })) readers.push(e.type);
    expect(readers).toEqual(['Before']);
    expect(await store.headPosition()).toBeLessThan(heldPosition);

    await slow.query('COMMIT');
    await slow.end();
    await waitFor(() => received.length === 3, 'both events after the commit');
    await subscription.stop();
    expect(received.map((e) => e.type)).toEqual(['Before', 'Slow', 'Fast']);
    expect(received.map((e) => e.position)).toEqual([received[0].position, heldPosition, fast.lastPosition]);
  });

  it('delivers exactly the final log to a live subscriber under concurrent appends', async () => {
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['busy.'] }, handler: (e) => void received.push(e) });
    const streams = Array.from({ length: 400 }, (_, i) => `busy.stream-${i}`);
    await inParallel(streams, 8, async (s) => {
      await store.appendToStream(s, [anEvent('One', {})], { expectedRevision: NO_STREAM });
      await store.appendToStream(s, [anEvent('Two', {}), anEvent('Three', {})], { expectedRevision: 0 });
    });
    await waitFor(() => received.length >= 1200, 'every event', 30_000);
    await subscription.stop();
    const final: number[] = [];
    for await (const e of store.readAll({ filter: { streamPrefixes: ['busy.'] } })) final.push(e.position);
    expect(received.map((e) => e.position)).toEqual(final);
  }, 60_000);

  it('is not held back by unrelated transactions, however long', async () => {
    const other = new Client({ connectionString: db.url });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()'); // a writing transaction of some other part of the system
    try {
      const { lastPosition } = await store.appendToStream('unrelated.stream-1', [anEvent('Seen', {})], { expectedRevision: NO_STREAM });
      expect(await store.headPosition()).toBe(lastPosition);
      const seen: string[] = [];
      for await (const e of store.readAll({ filter: { streamPrefixes: ['unrelated.'] } })) seen.push(e.type);
      expect(seen).toEqual(['Seen']);
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });

  it('walks the log as it stood when readAll began: an append committed mid-walk is left to the next walk', async () => {
    for (let i = 0; i < 30; i++) await store.appendToStream(`walk.s-${i}`, [anEvent('Walked', { i })], { expectedRevision: NO_STREAM });
    const walked: RecordedEvent[] = [];
    for await (const e of store.readAll({ batchSize: 10, filter: { streamPrefixes: ['walk.'] } })) {
      walked.push(e);
      if (walked.length === 5) await store.appendToStream('walk.late-0', [anEvent('Late', {})], { expectedRevision: NO_STREAM });
    }
    expect(walked.map((e) => e.type)).toEqual(Array.from({ length: 30 }, () => 'Walked'));
    const again: RecordedEvent[] = [];
    for await (const e of store.readAll({ batchSize: 10, filter: { streamPrefixes: ['walk.'] } })) again.push(e);
    expect(again.map((e) => e.type)).toEqual([...Array.from({ length: 30 }, () => 'Walked'), 'Late']);
  });
});
