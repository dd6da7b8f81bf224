import { join } from 'node:path';
import { computeEventHash, EmbeddedEventStore, newEventId, PostgresEventStore } from '@alliance/event-sourcing';
import { type Cell, perSecond, ratio } from '../support/output';
import { benchEvent } from './bench-events';
import { appendThroughStore, noHash } from './pg-append.bench';
import { best } from './measure';

/** What the hash chain costs: the hash alone, then appends with and without it on both stores. */
export async function benchHashCost(dir: string, url: string | undefined, transactions: number): Promise<Record<string, Cell>[]> {
  const rows: Record<string, Cell>[] = [];
  const sample = Array.from({ length: 20_000 }, (_, i) => ({
    ...benchEvent(i),
    eventId: newEventId(),
    streamId: `s-${i}`,
    revision: i,
    schemaVersion: 1,
    previousHash: 'a'.repeat(64),
  }));
  const t0 = performance.now();
  for (const e of sample) computeEventHash(e);
  const hashRate = perSecond(sample.length, performance.now() - t0);
  rows.push({
    'hash chain cost': 'computeEventHash (JCS + sha256), ~400 B event',
    'events/s with': hashRate,
    'events/s without': '',
    'with / without': '',
  });

  const withChain = EmbeddedEventStore.open({ dataDir: join(dir, 'hash-with') });
  const withoutChain = EmbeddedEventStore.open({ dataDir: join(dir, 'hash-without'), hasher: noHash });
  try {
    for (const eventsPerTx of [1, 100]) {
      const n = eventsPerTx === 1 ? transactions : Math.max(20, Math.round(transactions / 20));
      const on = best(await appendThroughStore(withChain, eventsPerTx, n), await appendThroughStore(withChain, eventsPerTx, n));
      const off = best(await appendThroughStore(withoutChain, eventsPerTx, n), await appendThroughStore(withoutChain, eventsPerTx, n));
      rows.push(line(`embedded append, ${eventsPerTx} event/tx`, on, off));
    }
  } finally {
    await withChain.close();
    await withoutChain.close();
  }
  if (url) {
    const on = await PostgresEventStore.open({ url, schema: 'bench_hash_with', poolSize: 8 });
    const off = await PostgresEventStore.open({ url, schema: 'bench_hash_without', poolSize: 8, hasher: noHash });
    try {
      for (const eventsPerTx of [1, 100]) {
        const n = eventsPerTx === 1 ? transactions : Math.max(20, Math.round(transactions / 20));
        const withRun = best(await appendThroughStore(on, eventsPerTx, n), await appendThroughStore(on, eventsPerTx, n));
        const withoutRun = best(await appendThroughStore(off, eventsPerTx, n), await appendThroughStore(off, eventsPerTx, n));
        rows.push(line(`PostgreSQL append, 8 writers, ${eventsPerTx} event/tx`, withRun, withoutRun));
      }
    } finally {
      await on.close();
      await off.close();
    }
  }
  return rows;
}

function line(label: string, on: { events: number; ms: number }, off: { events: number; ms: number }): Record<string, Cell> {
  const withRate = perSecond(on.events, on.ms);
  const withoutRate = perSecond(off.events, off.ms);
  return {
    'hash chain cost': label,
    'events/s with': withRate,
    'events/s without': withoutRate,
    'with / without': ratio(withRate, withoutRate),
  };
}
