/**
 * Event store benchmarks: PostgreSQL appends against raw INSERTs at the same concurrency, replay of the
 * whole log through a count-per-type projection against a raw SELECT (PostgreSQL and embedded), and the
 * cost of the hash chain. Every ratio compares runs of the same process.
 *   npm run build && node dist/bench/event-store/index.js
 * BENCH_EVENTS (default 1,000,000) sizes the replay and scales the append runs; PostgreSQL parts are
 * skipped with a message when PG_ADMIN_URL's server is unreachable.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { printTable, runIfMain } from '../support/output';
import { benchEmbeddedAppend } from './embedded-append.bench';
import { benchHashCost } from './hash-cost.bench';
import { benchPgAppend } from './pg-append.bench';
import { benchEmbeddedReplay, benchPgReplay } from './replay.bench';

export async function run(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const scale = Math.min(1, events / 1_000_000);
  const singleTx = Math.max(200, Math.round(10_000 * scale));
  const batchTx = Math.max(20, Math.round(400 * scale));
  const dir = await mkdtemp(join(tmpdir(), 'bench-event-store-'));
  let db: TestDatabase | undefined;
  try {
    db = await createTestDatabase('bench_event_store').catch((e: unknown) => {
      console.log(JSON.stringify({ level: 'warn', msg: 'PostgreSQL unreachable: its benchmarks are skipped', error: String(e) }));
      return undefined;
    });
    console.log(
      `event store benchmarks: ${events.toLocaleString('en-US')} events replayed, ${singleTx} single-event and ${batchTx} 100-event transactions per run`,
    );
    if (db)
      printTable(
        'PostgreSQL append: store vs raw INSERT (8 concurrent writers, best of 2 runs)',
        await benchPgAppend({ url: db.url, singleTx, batchTx }),
      );
    printTable(
      'Embedded append: store vs raw SQLite transactions (best of 2 runs)',
      await benchEmbeddedAppend(dir, Math.round(singleTx / 4), Math.round(batchTx / 2)),
    );
    if (db) printTable('PostgreSQL replay of the whole log (best of 2 runs)', await benchPgReplay(db.url, events));
    printTable('Embedded replay of the whole log (best of 2 runs)', await benchEmbeddedReplay(dir, events));
    printTable('Hash chain cost (best of 2 runs)', await benchHashCost(dir, db?.url, Math.round(singleTx / 4)));
  } finally {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

runIfMain(module, run);
