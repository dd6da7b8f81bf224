import { Pool } from 'pg';
import { type EventHasher, NO_STREAM, newEventId, PostgresEventStore } from '@alliance/event-sourcing';
import { type Cell, perSecond, ratio } from '../support/output';
import { benchEvent } from './bench-events';
import { best, type Measurement, measureWriters } from './measure';

const WRITERS = 8;
const STREAMS_PER_WRITER = 50;
const FAKE_HASH = 'f'.repeat(64);

export interface PgAppendConfig {
  url: string;
  singleTx: number;
  batchTx: number;
}

/** The adapter against raw INSERTs of the same rows into a table of the same shape, same concurrency. */
export async function benchPgAppend(config: PgAppendConfig): Promise<Record<string, Cell>[]> {
  const store = await PostgresEventStore.open({ url: config.url, schema: 'bench_append', poolSize: WRITERS });
  const raw = new Pool({ connectionString: config.url, max: WRITERS });
  await raw.query('DROP TABLE IF EXISTS bench_append.raw_events');
  // Same columns, defaults, keys and indexes; no trigger, no function, no hash chain.
  await raw.query('CREATE TABLE bench_append.raw_events (LIKE bench_append.events INCLUDING ALL)');
  try {
    const rows: Record<string, Cell>[] = [];
    for (const [eventsPerTx, transactions] of [
      [1, config.singleTx],
      [100, config.batchTx],
    ] as const) {
      const runStore = () => appendThroughStore(store, eventsPerTx, transactions);
      const runRaw = () => appendRaw(raw, eventsPerTx, transactions);
      await runRaw();
      await runStore();
      const rawBest = best(await runRaw(), await runRaw());
      const storeBest = best(await runStore(), await runStore());
      rows.push(row(`raw INSERT, ${eventsPerTx} event/tx`, rawBest, rawBest));
      rows.push(row(`store append, ${eventsPerTx} event/tx`, storeBest, rawBest));
    }
    return rows;
  } finally {
    await raw.end();
    await store.close();
  }
}

let run = 0;

/** Each writer appends to its own streams at their current revision, as command handlers do. */
export async function appendThroughStore(
  store: PostgresEventStore | { appendToStream: PostgresEventStore['appendToStream'] },
  eventsPerTx: number,
  transactions: number,
): Promise<Measurement> {
  const tag = `${Date.now().toString(36)}${run++}`;
  const revisions = new Map<string, number>();
  return measureWriters(WRITERS, transactions, eventsPerTx, async (index, writer) => {
    const stream = `bench.w${writer}-${tag}-${index % STREAMS_PER_WRITER}`;
    const revision = revisions.get(stream) ?? -1;
    const events = Array.from({ length: eventsPerTx }, (_, i) => benchEvent(index * eventsPerTx + i));
    const result = await store.appendToStream(stream, events, { expectedRevision: revision === -1 ? NO_STREAM : revision });
    revisions.set(stream, result.nextRevision);
  });
}

async function appendRaw(pool: Pool, eventsPerTx: number, transactions: number): Promise<Measurement> {
  const tag = `${Date.now().toString(36)}${run++}`;
  const revisions = new Map<string, number>();
  const single =
    'INSERT INTO bench_append.raw_events (event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)';
  const batch = `INSERT INTO bench_append.raw_events (event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash)
    SELECT u.id, $1, $2 + u.n, u.type, u.v, u.data, u.metadata, u.prev, u.hash
      FROM unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::text[], $9::text[]) WITH ORDINALITY AS u(id, type, v, data, metadata, prev, hash, n)`;
  return measureWriters(WRITERS, transactions, eventsPerTx, async (index, writer) => {
    const stream = `raw.w${writer}-${tag}-${index % STREAMS_PER_WRITER}`;
    const revision = revisions.get(stream) ?? -1;
    const events = Array.from({ length: eventsPerTx }, (_, i) => benchEvent(index * eventsPerTx + i));
    if (eventsPerTx === 1) {
      const e = events[0];
      await pool.query(single, [
        newEventId(),
        stream,
        revision + 1,
        e.type,
        1,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        FAKE_HASH,
        FAKE_HASH,
      ]);
    } else {
      await pool.query(batch, [
        stream,
        revision,
        events.map(() => newEventId()),
        events.map((e) => e.type),
        events.map(() => 1),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map(() => FAKE_HASH),
        events.map(() => FAKE_HASH),
      ]);
    }
    revisions.set(stream, revision + eventsPerTx);
  });
}

function row(label: string, m: Measurement, baseline: Measurement): Record<string, Cell> {
  return {
    'PostgreSQL, 8 writers': label,
    tx: m.transactions,
    'tx/s': perSecond(m.transactions, m.ms),
    'events/s': perSecond(m.events, m.ms),
    'p50 ms': m.p50,
    'p99 ms': m.p99,
    'vs raw': ratio(m.events / m.ms, baseline.events / baseline.ms),
  };
}

/** A hasher that skips the hash chain: only to measure what the chain costs. */
export const noHash: EventHasher = () => FAKE_HASH;
