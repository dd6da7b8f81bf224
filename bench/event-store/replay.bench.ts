import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Pool, types } from 'pg';
import { EmbeddedEventStore, type EventStore, NO_STREAM, PostgresEventStore } from '@alliance/event-sourcing';
import { type Cell, perSecond, progress, ratio } from '../support/output';
import { benchEvent } from './bench-events';

const EVENTS_PER_APPEND = 100;
const PAGE = 5000;

/** Fills a store with `total` events, 100 per append over `total / 100` streams, 8 appends in flight. */
export async function load(store: EventStore, total: number, label: string): Promise<void> {
  const appends = Math.ceil(total / EVENTS_PER_APPEND);
  const bar = progress(`loading ${label}`, appends * EVENTS_PER_APPEND);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < appends) {
        const a = next++;
        const events = Array.from({ length: EVENTS_PER_APPEND }, (_, i) => benchEvent(a * EVENTS_PER_APPEND + i));
        await store.appendToStream(`replay.stream-${a}`, events, { expectedRevision: NO_STREAM });
        done += EVENTS_PER_APPEND;
        bar.tick(done);
      }
    }),
  );
  bar.end();
}

/** The count-per-type projection both sides feed. */
function counter(): { add: (type: string) => void; total: () => number } {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    add(type) {
      counts.set(type, (counts.get(type) ?? 0) + 1);
      total++;
    },
    total: () => total,
  };
}

async function timed(
  label: string,
  total: number,
  work: (tick: (n: number) => void) => Promise<number>,
): Promise<{ ms: number; events: number }> {
  const bar = progress(label, total);
  const started = performance.now();
  const events = await work(bar.tick);
  const ms = performance.now() - started;
  bar.end();
  return { ms, events };
}

async function replayStore(store: EventStore, total: number, label: string): Promise<{ ms: number; events: number }> {
  return timed(label, total, async (tick) => {
    const projection = counter();
    for await (const e of store.readAll({ batchSize: PAGE })) {
      projection.add(e.type);
      if ((projection.total() & 0x3fff) === 0) tick(projection.total());
    }
    return projection.total();
  });
}

function rows(
  kind: string,
  storeRun: { ms: number; events: number },
  rawRun: { ms: number; events: number },
  rawLabel: string,
): Record<string, Cell>[] {
  const rawRate = perSecond(rawRun.events, rawRun.ms);
  const storeRate = perSecond(storeRun.events, storeRun.ms);
  return [
    {
      'replay, count per type': `${kind}: ${rawLabel}`,
      events: rawRun.events,
      seconds: rawRun.ms / 1000,
      'events/s': rawRate,
      'vs raw': '1.00',
    },
    {
      'replay, count per type': `${kind}: store readAll`,
      events: storeRun.events,
      seconds: storeRun.ms / 1000,
      'events/s': storeRate,
      'vs raw': ratio(storeRate, rawRate),
    },
  ];
}

const faster = (a: { ms: number; events: number }, b: { ms: number; events: number }) => (a.ms <= b.ms ? a : b);

export async function benchPgReplay(url: string, total: number): Promise<Record<string, Cell>[]> {
  const store = await PostgresEventStore.open({ url, schema: 'bench_replay', poolSize: 8 });
  const pool = new Pool({
    connectionString: url,
    max: 1,
    types: { getTypeParser: ((oid: number) => (oid === 20 ? Number : types.getTypeParser(oid))) as typeof types.getTypeParser },
  });
  try {
    await load(store, total, 'PostgreSQL');
    await pool.query('VACUUM ANALYZE bench_replay.events');
    // A raw keyset walk over the same columns, JSON parsed by the driver, as any reader of the table would.
    const raw = () =>
      timed('PostgreSQL raw keyset SELECT', total, async (tick) => {
        const projection = counter();
        let after = 0;
        for (;;) {
          const { rows: page } = await pool.query({
            text: 'SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash FROM bench_replay.events WHERE position > $1 ORDER BY position LIMIT $2',
            values: [after, PAGE],
            rowMode: 'array',
          });
          for (const r of page) projection.add(r[4] as string);
          tick(projection.total());
          if (page.length < PAGE) return projection.total();
          after = page[page.length - 1][0] as number;
        }
      });
    const rawRun = faster(await raw(), await raw());
    const storeRun = faster(
      await replayStore(store, total, 'PostgreSQL store readAll'),
      await replayStore(store, total, 'PostgreSQL store readAll'),
    );
    return rows('PostgreSQL', storeRun, rawRun, 'raw keyset SELECT');
  } finally {
    await pool.end();
    await store.close();
  }
}

export async function benchEmbeddedReplay(dir: string, total: number): Promise<Record<string, Cell>[]> {
  const dataDir = join(dir, 'replay');
  const store = EmbeddedEventStore.open({ dataDir, durability: 'normal' });
  const db = new DatabaseSync(join(dataDir, EmbeddedEventStore.FILE_NAME), { readOnly: true });
  try {
    await load(store, total, 'embedded');
    // A raw cursor over the same rows, parsing the JSON columns a projection needs.
    const raw = () =>
      timed('embedded raw cursor SELECT', total, async (tick) => {
        const projection = counter();
        const statement = db.prepare(
          'SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash FROM events ORDER BY position',
        );
        statement.setReturnArrays(true);
        for (const r of statement.iterate() as Iterable<unknown[]>) {
          JSON.parse(r[6] as string);
          JSON.parse(r[7] as string);
          projection.add(r[4] as string);
          if ((projection.total() & 0x3fff) === 0) tick(projection.total());
        }
        return projection.total();
      });
    const rawRun = faster(await raw(), await raw());
    const storeRun = faster(
      await replayStore(store, total, 'embedded store readAll'),
      await replayStore(store, total, 'embedded store readAll'),
    );
    return rows('embedded', storeRun, rawRun, 'raw cursor SELECT');
  } finally {
    db.close();
    await store.close();
  }
}
