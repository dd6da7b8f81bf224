/** Throughput of one measurement: how many times the work ran, over how long. */
export interface Rate {
  count: number;
  seconds: number;
  perSecond: number;
}

/** Runs `work(0)`, `work(1)`, … back to back for `seconds`, after `warmup` untimed runs, and returns the rate. */
export async function measureRate(seconds: number, work: (n: number) => Promise<void>, warmup = 5): Promise<Rate> {
  for (let n = 0; n < warmup; n++) await work(n);
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  let count = 0;
  while (process.hrtime.bigint() < deadline) await work(warmup + count++);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { count, seconds: elapsed, perSecond: count / elapsed };
}
