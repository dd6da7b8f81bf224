import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { EmbeddedEventStore, newEventId } from '@alliance/event-sourcing';
import { type Cell, perSecond, ratio } from '../support/output';
import { benchEvent } from './bench-events';
import { appendThroughStore } from './pg-append.bench';
import { best, type Measurement, measureWriters } from './measure';

const FAKE_HASH = 'f'.repeat(64);

/** The embedded adapter against raw SQLite INSERT transactions on a table of the same shape, same file settings. */
export async function benchEmbeddedAppend(dir: string, singleTx: number, batchTx: number): Promise<Record<string, Cell>[]> {
  const store = EmbeddedEventStore.open({ dataDir: join(dir, 'append') });
  const raw = new DatabaseSync(join(dir, 'append', 'raw.sqlite'));
  raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
  raw.exec(`CREATE TABLE IF NOT EXISTS raw_events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, previous_hash TEXT, hash TEXT NOT NULL, UNIQUE (stream_id, revision)) STRICT`);
  const insert = raw.prepare(
    'INSERT INTO raw_events (event_id, stream_id, revision, type, schema_version, data, metadata, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let tag = 0;
  const runRaw = (eventsPerTx: number, transactions: number): Promise<Measurement> => {
    const revisions = new Map<string, number>();
    const t = tag++;
    return measureWriters(8, transactions, eventsPerTx, async (index, writer) => {
      const stream = `raw.w${writer}-${t}-${index % 50}`;
      const revision = revisions.get(stream) ?? -1;
      raw.exec('BEGIN IMMEDIATE');
      for (let i = 0; i < eventsPerTx; i++) {
        const e = benchEvent(index * eventsPerTx + i);
        insert.run(
          newEventId(),
          stream,
          revision + 1 + i,
          e.type,
          1,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          FAKE_HASH,
          FAKE_HASH,
        );
      }
      raw.exec('COMMIT');
      revisions.set(stream, revision + eventsPerTx);
    });
  };
  try {
    const rows: Record<string, Cell>[] = [];
    for (const [eventsPerTx, transactions] of [
      [1, singleTx],
      [100, batchTx],
    ] as const) {
      const rawBest = best(await runRaw(eventsPerTx, transactions), await runRaw(eventsPerTx, transactions));
      const storeBest = best(
        await appendThroughStore(store, eventsPerTx, transactions),
        await appendThroughStore(store, eventsPerTx, transactions),
      );
      for (const [label, m] of [
        [`raw SQLite INSERT, ${eventsPerTx} event/tx`, rawBest],
        [`store append, ${eventsPerTx} event/tx`, storeBest],
      ] as const) {
        rows.push({
          'embedded (synchronous=FULL)': label,
          tx: m.transactions,
          'tx/s': perSecond(m.transactions, m.ms),
          'events/s': perSecond(m.events, m.ms),
          'p50 ms': m.p50,
          'vs raw': ratio(m.events / m.ms, rawBest.events / rawBest.ms),
        });
      }
    }
    return rows;
  } finally {
    raw.close();
    await store.close();
  }
}
