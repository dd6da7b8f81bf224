/**
 * Does a large results upload hold up the platform? All six services in this one process on the embedded defaults
 * (as `npm start` runs them, one shared in-process bus), UPLOAD_PROBE_ROWS enrolments (default 10,000) taught to
 * the bus as enrolment would publish them, then one CSV with a result for each posted to assessment while a probe
 * asks catalogue's `GET /health/live` every 20 ms. The probe's latency is how long any request of any service
 * waited meanwhile. Measured for the synchronous answer (read model caught up) and for `Prefer: respond-async`
 * (202 once the rows are durable; probing goes on until the batch resource says `complete`), each on a fresh platform.
 * UPLOAD_PROBE_SERVICES (e.g. `catalogue,assessment`) runs only those services.
 *   npm run build && node dist/bench/upload-probe.bench.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_SERVICES } from '@alliance/composition';
import { createIntegrationBus } from '@alliance/messaging';
import { loadServiceConfig, mintToken, type RunningService, runService } from '@alliance/nest-kit';
import { cohortCsv, enrolmentIds, INSTITUTION, teach } from './assessment/cohort';
import { percentile, printTable, runIfMain } from './support/output';

interface Measured extends Record<string, string | number> {
  mode: string;
  rows: number;
  status: number;
  answerMs: number;
  untilCompleteMs: number;
  probes: number;
  probesFailed: number;
  probeMaxMs: number;
  probeP99Ms: number;
  probeMedianMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(mode: 'sync' | 'async', rows: number): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-upload-probe-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const bus = await createIntegrationBus({ kind: 'in-process', retention: rows * 4 + 100 });
  const services: RunningService[] = [];
  try {
    // UPLOAD_PROBE_SERVICES=catalogue,assessment: only those, to tell assessment's own share from the consumers'.
    const only = process.env.UPLOAD_PROBE_SERVICES?.split(',').map((x) => x.trim());
    for (const descriptor of ALL_SERVICES.filter((d) => !only || only.includes(d.name))) services.push(await runService(descriptor, { config: loadServiceConfig(descriptor, { ...env, PORT: '0' }), port: 0, sharedBus: bus }));
    const url = (name: string) => services.find((s) => s.service === name)!.url;
    const ids = enrolmentIds(rows);
    await teach(bus, ids);
    const config = loadServiceConfig(ALL_SERVICES.find((d) => d.name === 'assessment')!, { ...env, PORT: '0' });
    const bearer = `Bearer ${await mintToken({ subject: 'probe-registrar', role: 'registrar', institution: INSTITUTION }, config)}`;
    const latencies: number[] = [];
    let probing = true;
    let failed = 0;
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        // A connection the server dropped while its event loop was held (keep-alive timing) counts as a failed probe.
        await fetch(`${url('catalogue')}/health/live`)
          .then((r) => r.arrayBuffer())
          .catch(() => (failed += 1));
        latencies.push(performance.now() - started);
        await sleep(20);
      }
    })();
    await sleep(200);
    const started = performance.now();
    const res = await fetch(`${url('assessment')}/assessment-results/batches?batchId=probe-${mode}`, {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'text/csv', ...(mode === 'async' ? { prefer: 'respond-async' } : {}) },
      body: cohortCsv(ids),
    });
    const report = (await res.json()) as { recorded?: number };
    const answerMs = performance.now() - started;
    if (report.recorded !== rows) throw new Error(`the upload answered ${res.status}: ${JSON.stringify(report).slice(0, 500)}`);
    for (let phase = ''; mode === 'async' && phase !== 'complete'; await sleep(50)) {
      const status = await fetch(`${url('assessment')}${res.headers.get('location') ?? ''}`, { headers: { authorization: bearer } });
      phase = ((await status.json()) as { phase: string }).phase;
    }
    const untilCompleteMs = performance.now() - started;
    probing = false;
    await probe;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      mode: mode === 'sync' ? 'synchronous (200)' : 'Prefer: respond-async (202)',
      rows,
      status: res.status,
      answerMs: Math.round(answerMs),
      untilCompleteMs: Math.round(untilCompleteMs),
      probes: sorted.length,
      probesFailed: failed,
      probeMaxMs: Math.round(sorted.at(-1) ?? 0),
      probeP99Ms: Math.round(percentile(sorted, 99)),
      probeMedianMs: Math.round(percentile(sorted, 50)),
    };
  } finally {
    for (const s of services.reverse()) await s.close();
    await bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rows = Number(process.env.UPLOAD_PROBE_ROWS ?? 10_000);
  const table: Measured[] = [];
  for (const mode of ['sync', 'async'] as const) table.push(await measure(mode, rows));
  printTable(`GET /health/live of catalogue while assessment takes a ${rows.toLocaleString('en-US')}-row upload in the same process`, table);
}

runIfMain(module, run);
