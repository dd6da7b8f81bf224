/** The messaging benchmark's measurement and pacing helpers (tables and percentiles: ../support/output). */
export interface Measurement {
  events: number;
  seconds: number;
  /** Per-message end-to-end latencies, ms; empty for a throughput-only run. */
  latencies: number[];
  /** Pipelines only: seconds until the relay had published and checkpointed everything. */
  relaySeconds?: number;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `send(i)` for i in [0, count) at `ratePerSecond`, in ticks of 10 ms. */
export async function paced(count: number, ratePerSecond: number, send: (i: number) => Promise<void>): Promise<void> {
  const started = Date.now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.floor(((Date.now() - started) / 1000) * ratePerSecond) + 1);
    while (sent < due) await send(sent++);
    await sleep(10);
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
