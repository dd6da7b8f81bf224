/**
 * Helpers shared by the benchmark suites under bench/: aligned markdown tables, a live progress line,
 * percentiles, rates and ratios, and the entry point of a suite run on its own.
 */

export type Cell = string | number;
export type Row = Record<string, Cell>;

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

function format(value: Cell | undefined): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
  return value ?? '';
}

/** A progress line on stderr, redrawn at most twice a second, so long loads and replays show they are alive. */
export function progress(label: string, total: number): { tick: (done: number) => void; end: () => void } {
  let last = 0;
  const started = Date.now();
  const draw = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    process.stderr.write(
      `\r  ${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${rate.toLocaleString('en-US')}/s)   `,
    );
  };
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      draw(done);
    },
    end() {
      draw(total);
      process.stderr.write('\n');
    },
  };
}

/** The p-th percentile (0 to 100) of values sorted in ascending order; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Operations per second of `count` operations done in `ms` (a run under 1 ms counts as 1 ms), rounded. */
export function perSecond(count: number, ms: number): number {
  return Math.round((count * 1000) / Math.max(ms, 1));
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? (value / baseline).toFixed(2) : 'n/a';
}

/** Runs a suite's `run` when its compiled file is started directly (`node dist/bench/<suite>/index.js`). */
export function runIfMain(mod: NodeJS.Module, run: () => Promise<void>): void {
  if (require.main !== mod) return;
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
