/**
 * Does a large results upload hold up the platform? All six services in this one process on the embedded defaults
 * (as `npm start` runs them, one shared in-process bus), UPLOAD_PROBE_ROWS enrolments (default 10,000) taught to
 * the bus as enrolment would publish them, then one CSV with a result for each posted to assessment while a probe
 * asks catalogue's and verification's `GET /health/live` in turn every 20 ms. The probe's latency is how long any
 * request of any service waited meanwhile. Measured for the synchronous answer (read model caught up) and for
 * `Prefer: respond-async` (202 once the rows are durable; the batch resource is polled until `complete`), each on a
 * fresh platform; probing goes on until every service's readiness reports no lag (the consumers caught up), at
 * most UPLOAD_PROBE_TAIL_S seconds (default 120). The baseline, in the same run and on the same platform: the same
 * probe for a few seconds before the upload; `vsIdle` is the worst probe over the worst idle one.
 * UPLOAD_PROBE_SERVICES (e.g. `catalogue,assessment`) runs only those services.
 *   npm run build && node dist/bench/upload-probe.bench.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_SERVICES } from '@alliance/composition';
import { createIntegrationBus } from '@alliance/messaging';
import { mintToken, type RunningService } from '@alliance/nest-kit';
import { loadServiceConfig, runService } from '@alliance/service-runtime';
import { cohortCsv, enrolmentIds, INSTITUTION, teach } from './assessment/cohort';
import { percentile, printTable, ratio, runIfMain } from './support/output';

interface Measured extends Record<string, string | number> {
  mode: string;
  rows: number;
  status: number;
  answerMs: number;
  untilCompleteMs: number;
  untilIdleMs: number;
  idleProbeMaxMs: number;
  probes: number;
  probesFailed: number;
  probeMaxMs: number;
  probeP99Ms: number;
  probeMedianMs: number;
  vsIdle: string;
}

/** Every `lag` a readiness report states (projections, relays, consumers), summed: 0 once the service caught up. */
function lagIn(report: unknown): number {
  if (!report || typeof report !== 'object') return 0;
  return Object.entries(report).reduce((n, [key, value]) => n + (key === 'lag' && typeof value === 'number' ? value : lagIn(value)), 0);
}

/** Probes `urls` in turn every 20 ms until `stop()`; a connection dropped while the event loop was held counts as failed. */
function startProbe(urls: string[]): { stop: () => Promise<{ sorted: number[]; failed: number }> } {
  const latencies: number[] = [];
  let probing = true;
  let failed = 0;
  const loop = (async () => {
    for (let i = 0; probing; i++) {
      const started = performance.now();
      await fetch(urls[i % urls.length])
        .then((r) => r.arrayBuffer())
        .catch(() => (failed += 1));
      latencies.push(performance.now() - started);
      await sleep(20);
    }
  })();
  return {
    async stop() {
      probing = false;
      await loop;
      return { sorted: [...latencies].sort((a, b) => a - b), failed };
    },
  };
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
    for (const descriptor of ALL_SERVICES.filter((d) => !only || only.includes(d.name)))
      services.push(
        await runService(descriptor, { config: loadServiceConfig(descriptor, { ...env, PORT: '0' }), port: 0, sharedBus: bus }),
      );
    const url = (name: string) => services.find((s) => s.service === name)!.url;
    const ids = enrolmentIds(rows);
    await teach(bus, ids);
    const config = loadServiceConfig(
      ALL_SERVICES.find((d) => d.name === 'assessment')!,
      { ...env, PORT: '0' },
    );
    const bearer = `Bearer ${await mintToken({ subject: 'probe-registrar', role: 'registrar', institution: INSTITUTION }, config)}`;
    const probed = services.filter((s) => s.service === 'catalogue' || s.service === 'verification').map((s) => `${s.url}/health/live`);
    // Baseline: the same probe on the same platform with no upload, once the taught enrolments settled.
    await untilIdle(services, 120_000);
    const idle = startProbe(probed);
    await sleep(3_000);
    const idleMax = (await idle.stop()).sorted.at(-1) ?? 0;
    const probe = startProbe(probed);
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
    await untilIdle(services, Number(process.env.UPLOAD_PROBE_TAIL_S ?? 120) * 1000);
    const untilIdleMs = performance.now() - started;
    const { sorted, failed } = await probe.stop();
    return {
      mode: mode === 'sync' ? 'synchronous (200)' : 'Prefer: respond-async (202)',
      rows,
      status: res.status,
      answerMs: Math.round(answerMs),
      untilCompleteMs: Math.round(untilCompleteMs),
      untilIdleMs: Math.round(untilIdleMs),
      idleProbeMaxMs: Math.round(idleMax),
      probes: sorted.length,
      probesFailed: failed,
      probeMaxMs: Math.round(sorted.at(-1) ?? 0),
      probeP99Ms: Math.round(percentile(sorted, 99)),
      probeMedianMs: Math.round(percentile(sorted, 50)),
      vsIdle: ratio(sorted.at(-1) ?? 0, idleMax),
    };
  } finally {
    for (const s of services.reverse()) await s.close();
    await bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits until every service's readiness answers with no lag left, or `capMs` passed. */
async function untilIdle(services: RunningService[], capMs: number): Promise<void> {
  const deadline = performance.now() + capMs;
  while (performance.now() < deadline) {
    const lags = await Promise.all(
      services.map((s) =>
        fetch(`${s.url}/health/ready`).then(
          (r) => r.json().then(lagIn, () => 1),
          () => 1,
        ),
      ),
    );
    if (lags.every((n) => n === 0)) return;
    await sleep(250);
  }
}

export async function run(): Promise<void> {
  const rows = Number(process.env.UPLOAD_PROBE_ROWS ?? 10_000);
  const table: Measured[] = [];
  for (const mode of ['sync', 'async'] as const) table.push(await measure(mode, rows));
  printTable(
    `GET /health/live of catalogue while assessment takes a ${rows.toLocaleString('en-US')}-row upload in the same process`,
    table,
  );
}

runIfMain(module, run);
