/** Console helpers shared by the event store benchmarks: aligned tables and a live progress line. */

export type Cell = string | number;

export function printTable(title: string, rows: Record<string, Cell>[]): void {
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
    process.stderr.write(`\r  ${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${rate.toLocaleString('en-US')}/s)   `);
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

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? (value / baseline).toFixed(2) : 'n/a';
}

/** Events per second of `count` events done in `ms`. */
export function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}
