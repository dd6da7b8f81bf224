/**
 * Bulk publication throughput: a cohort CSV (BENCH_ASSESSMENT_ROWS, default 10,000 rows) posted over HTTP
 * to the assessment service, end to end through its event store and read model, beside a baseline measured
 * in the same run: raw appends of the same events to a fresh store of the same kind. Embedded always;
 * PostgreSQL (event store and read model) too when PG_ADMIN_URL's server is reachable.
 *   npm run build && node dist/bench/assessment/index.js
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStoreConfig } from '@alliance/event-sourcing';
import { createTestDatabase } from '@alliance/testing';
import { perSecond, runIfMain } from '../support/output';
import { benchBulkPublication } from './bulk-publication.bench';
import { benchRawAppend } from './raw-append.bench';

interface Row {
  store: string;
  mode: string;
  rows: number;
  ms: number;
  rowsPerSecond: number;
  vsBaseline: string;
}

const CONCURRENCY = Number(process.env.BENCH_ASSESSMENT_CONCURRENCY ?? 16);

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_ASSESSMENT_ROWS ?? 10_000);
  const table: Row[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'bench-assessment-raw-'));
  try {
    table.push(...(await measure('embedded', rows, {}, { kind: 'embedded', dataDir: dir })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const db = await createTestDatabase('bench_assessment').catch((e: unknown) => {
    console.log(JSON.stringify({ level: 'warn', msg: 'PostgreSQL unreachable: its rows are skipped', error: String(e) }));
    return undefined;
  });
  if (db) {
    try {
      const env = { EVENT_STORE: 'postgres', READ_MODEL: 'postgres', DATABASE_URL: db.url };
      table.push(...(await measure('postgres', rows, env, { kind: 'postgres', url: db.url, schema: 'bench_raw_events' })));
    } finally {
      await db.drop();
    }
  }
  console.log(
    `assessment bulk publication: ${rows.toLocaleString('en-US')} CSV rows, one transcript stream per row, ${CONCURRENCY} transcripts in flight`,
  );
  console.table(table);
}

async function measure(store: string, rows: number, env: Record<string, string>, rawConfig: EventStoreConfig): Promise<Row[]> {
  const bulk = await benchBulkPublication(rows, { ...env, ASSESSMENT_BATCH_CONCURRENCY: String(CONCURRENCY) });
  const raw = await benchRawAppend(rawConfig, bulk.events, CONCURRENCY);
  const rate = (ms: number) => perSecond(rows, ms);
  return [
    {
      store,
      mode: `baseline: raw appends of the same ${bulk.events.length} events (${CONCURRENCY} writers)`,
      rows,
      ms: Math.round(raw),
      rowsPerSecond: rate(raw),
      vsBaseline: '1.00x',
    },
    {
      store,
      mode: 'bulk upload: every row validated, decided and appended (events durable)',
      rows,
      ms: Math.round(bulk.durableMs),
      rowsPerSecond: rate(bulk.durableMs),
      vsBaseline: `${(raw / bulk.durableMs).toFixed(2)}x`,
    },
    {
      store,
      mode: 'bulk upload: HTTP response (read model caught up, read-your-writes)',
      rows,
      ms: Math.round(bulk.ms),
      rowsPerSecond: rate(bulk.ms),
      vsBaseline: `${(raw / bulk.ms).toFixed(2)}x`,
    },
  ];
}

runIfMain(module, run);
