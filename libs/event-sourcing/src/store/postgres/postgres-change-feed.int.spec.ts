import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { NO_STREAM } from '../../expected-revision';
import type { RecordedEvent } from '../../envelope';
import { ChangeSignal } from '../subscription/change-signal';
import { PostgresChangeFeed } from './postgres-change-feed';
import { PostgresEventStore } from './postgres-event-store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL change feed (LISTEN/NOTIFY between processes)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('change_feed');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('sends one NOTIFY per interval for a burst of appends, and always one after the last', async () => {
    const pool = new Pool({ connectionString: db.url, max: 2 });
    const listener = new Client({ connectionString: db.url });
    const received: number[] = [];
    listener.on('notification', () => received.push(Date.now()));
    await listener.connect();
    await listener.query('LISTEN "feed_burst"');
    const notifies = jest.spyOn(pool, 'query');
    const feed = new PostgresChangeFeed(pool, db.url, 'feed_burst', new ChangeSignal(), 20);
    try {
      const started = Date.now();
      let announced = 0;
      while (Date.now() - started < 200) {
        for (let i = 0; i < 20; i++, announced++) feed.announce();
        await sleep(1);
      }
      const lastAnnounce = Date.now();
      await sleep(300);
      const elapsed = lastAnnounce - started;
      expect(announced).toBeGreaterThan(500);
      // At most one per 20 ms interval (plus the first and the closing one), far fewer than the announcements.
      expect(notifies.mock.calls.length).toBeLessThanOrEqual(Math.ceil(elapsed / 20) + 2);
      expect(received.length).toBe(notifies.mock.calls.length);
      // Nothing announced is left unannounced: a notification arrived after the last announcement.
      expect(Math.max(...received)).toBeGreaterThanOrEqual(lastAnnounce);
    } finally {
      await feed.close();
      await listener.end();
      await pool.end();
    }
  });

  it('wakes a subscriber in another store instance promptly, although it would poll only once a minute', async () => {
    const writer = await PostgresEventStore.open({ url: db.url, schema: 'feed_events' });
    const reader = await PostgresEventStore.open({ url: db.url, schema: 'feed_events', idlePollMs: 60_000 });
    const seen: RecordedEvent[] = [];
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = reader.subscribeToAll({ handler: (e) => void seen.push(e), onCaughtUp: () => caughtUp() });
    try {
      await ready;
      await sleep(200); // the reader's LISTEN is in place
      for (let i = 0; i < 50; i++) {
        await writer.appendToStream(
          `feed.stream-${i}`,
          [
            {
              type: 'Fed',
              data: { i },
              metadata: { actor: { subject: 's', role: 'system' }, correlationId: 'c', occurredAt: new Date().toISOString() },
            },
          ],
          { expectedRevision: NO_STREAM },
        );
      }
      const deadline = Date.now() + 5_000;
      while (seen.length < 50 && Date.now() < deadline) await sleep(20);
      expect(seen.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      await subscription.stop();
      await reader.close();
      await writer.close();
    }
  });
});
