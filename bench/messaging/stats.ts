/** Percentiles and a markdown-ish table, enough for the messaging benchmark's output. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface Measurement {
  events: number;
  seconds: number;
  /** Per-message end-to-end latencies, ms; empty for a throughput-only run. */
  latencies: number[];
  /** Pipelines only: seconds until the relay had published and checkpointed everything. */
  relaySeconds?: number;
}

export type Row = Record<string, string | number>;

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const text = rows.map((r) => columns.map((c) => format(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((t) => t[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const t of text) console.log(line(t));
}

function format(value: string | number | undefined): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
  return value ?? '';
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
