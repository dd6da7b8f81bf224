import { percentile } from '../support/output';

/** Timing of a batch of transactions run by concurrent writers. */
export interface Measurement {
  ms: number;
  transactions: number;
  events: number;
  p50: number;
  p99: number;
}

/**
 * Runs `transactions` calls of `tx(index, writer)` over `writers` concurrent loops and times each call.
 */
export async function measureWriters(
  writers: number,
  transactions: number,
  eventsPerTx: number,
  tx: (index: number, writer: number) => Promise<unknown>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (next < transactions) {
        const index = next++;
        const t0 = performance.now();
        await tx(index, writer);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { ms, transactions, events: transactions * eventsPerTx, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The faster of two runs: the second usually runs on warm caches, the first absorbs noise. */
export function best(a: Measurement, b: Measurement): Measurement {
  return a.ms <= b.ms ? a : b;
}
