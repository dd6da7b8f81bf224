import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { NewEvent } from '../../envelope';
import { NO_STREAM } from '../../expected-revision';
import { WrongExpectedRevisionError } from '../errors/wrong-expected-revision.error';
import { EmbeddedEventStore } from './embedded-event-store';

const meta = { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 's' }, correlationId: 'c' };
const event = (n: number): NewEvent => ({ type: 'demo.happened', data: { n }, metadata: meta });

describe('embedded event store: appends asked for together commit together', () => {
  let dataDir: string;
  let store: EmbeddedEventStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'embedded-group-'));
    store = EmbeddedEventStore.open({ dataDir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers each append with its own outcome: a refused one is undone alone, the others are durable once answered', async () => {
    // Asked for in one turn, so they share one transaction.
    const results = await Promise.allSettled([
      store.appendToStream('demo.a', [event(1)], { expectedRevision: NO_STREAM }),
      store.appendToStream('demo.a', [event(2)], { expectedRevision: NO_STREAM }),
      store.appendToStream('demo.b', [event(3), event(4)], { expectedRevision: NO_STREAM }),
      store.appendToStream('demo.a', [event(5)], { expectedRevision: 0 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : undefined))).toEqual([
      { nextRevision: 0, lastPosition: 1 },
      undefined,
      { nextRevision: 1, lastPosition: 3 },
      { nextRevision: 1, lastPosition: 4 },
    ]);
    // Another connection sees every answered append: they were committed before the answer.
    const other = new DatabaseSync(join(dataDir, EmbeddedEventStore.FILE_NAME), { readOnly: true });
    try {
      const rows = other.prepare('SELECT stream_id AS s, revision AS r, data FROM events ORDER BY position').all() as {
        s: string;
        r: number;
        data: string;
      }[];
      expect(rows.map((x) => [x.s, x.r, (JSON.parse(x.data) as { n: number }).n])).toEqual([
        ['demo.a', 0, 1],
        ['demo.b', 0, 3],
        ['demo.b', 1, 4],
        ['demo.a', 1, 5],
      ]);
    } finally {
      other.close();
    }
    expect((await store.readStream('demo.a', { verifyHashes: true })).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('writes what is queued before it closes', async () => {
    const pending = store.appendToStream('demo.c', [event(1)], { expectedRevision: NO_STREAM });
    await store.close();
    await expect(pending).resolves.toEqual({ nextRevision: 0, lastPosition: 1 });
    store = EmbeddedEventStore.open({ dataDir });
    expect(await store.headPosition()).toBe(1);
  });
});
