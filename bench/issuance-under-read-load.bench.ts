/**
 * Issuance under read load, on the embedded platform (all six services in one Node process, as `npm start`
 * runs them): a cohort is issued unloaded (the baseline, measured in the same run), then another of the same
 * size while concurrent loops read the platform (anonymous verification, status list, staff credential list,
 * readiness probes). Prints credentials per second both ways and the ratio loaded / unloaded (target >= 0.8),
 * timed from the last results upload to the last credential's `issuedAt` (and, beside it, until polling saw it),
 * the read requests answered (and, on the last line, the successful answers per second of each endpoint: reads are
 * to be held back, not starved), the platform's resident memory and how much the verification store grew.
 *   npm run build && node dist/bench/issuance-under-read-load.bench.js
 * BENCH_COHORT (default 30) learners per cohort; BENCH_READ_CONNECTIONS (default 5) loops per read endpoint;
 * BENCH_READ_ONLY (e.g. `verifications,credentials`) loads only the endpoints whose name contains one of the words;
 * BENCH_PLATFORM_PORT (default 4601) the first of six ports. The public rate limit is switched off: the load
 * stands for many clients, not one. BENCH_PLATFORM_NODE_OPTIONS passes flags to the platform (`--cpu-prof`).
 */
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { issueCohort } from './read-load/cohort';
import { type BenchPlatform, call, setUpJointCredential, startBenchPlatform, token } from './read-load/embedded-platform';
import { startReadLoad } from './read-load/read-load';
import { printTable, ratio, type Row, runIfMain } from './support/output';

/** CPU seconds the platform and this process (the load generator) used since `before`. */
function cpuSince(platform: BenchPlatform, before: { platform: number; bench: NodeJS.CpuUsage }): { platform: number; bench: number } {
  const bench = process.cpuUsage(before.bench);
  return { platform: platform.cpuSeconds() - before.platform, bench: (bench.user + bench.system) / 1e6 };
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${process.env[name]}`);
  return value;
}

export async function run(): Promise<void> {
  const size = Math.round(positive('BENCH_COHORT', 30));
  const connections = Math.round(positive('BENCH_READ_CONNECTIONS', 5));
  const timeoutMs = positive('BENCH_COHORT_TIMEOUT_S', 600) * 1000;
  const platform = await startBenchPlatform(positive('BENCH_PLATFORM_PORT', 4601), { PUBLIC_RATE_LIMIT_PER_MINUTE: '0' });
  try {
    const { urls } = platform;
    await new Promise((r) => setTimeout(r, 3000));
    const idleMiB = platform.rssMiB();
    const joint = await setUpJointCredential(urls, await token('alliance-admin'));
    // A first small cohort warms every path (JIT, read models, status list signed) before anything is timed.
    await issueCohort(urls, joint, 3, 'warm-up', timeoutMs);
    const cpuBefore = { platform: platform.cpuSeconds(), bench: process.cpuUsage() };
    const unloaded = await issueCohort(urls, joint, size, 'unloaded', timeoutMs);
    const unloadedCpu = cpuSince(platform, cpuBefore);
    const afterUnloadedMiB = platform.rssMiB();

    const adminToken = await token('alliance-admin');
    const list = await call<{ items: { credentialId: string; lifecycle: string }[] }>(
      'GET',
      `${urls.issuance}/credentials?specId=${joint.specId}&limit=1`,
      undefined,
      adminToken,
    );
    const credential = await call<Record<string, unknown>>(
      'GET',
      `${urls.issuance}/credentials/${list.items[0]!.credentialId}`,
      undefined,
      adminToken,
    );
    const status = credential['credentialStatus'];
    const statusListUrl = String((Array.isArray(status) ? status[0] : status)?.statusListCredential);
    const verdict = await call<{ verdict: string }>('POST', `${urls.verification}/verifications`, credential);
    if (verdict.verdict !== 'valid')
      throw new Error(`the credential read under load does not verify: ${JSON.stringify(verdict).slice(0, 2000)}`);

    const storeBefore = platform.storeBytes('verification');
    const only = (process.env.BENCH_READ_ONLY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const loadCpuBefore = { platform: platform.cpuSeconds(), bench: process.cpuUsage() };
    const load = startReadLoad(urls, { credential, statusListUrl, adminToken }, connections, only);
    const loadStarted = Date.now();
    let loaded;
    let counts;
    try {
      loaded = await issueCohort(urls, joint, size, 'loaded', timeoutMs);
    } finally {
      counts = await load.stop();
    }
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const loadedCpu = cpuSince(platform, loadCpuBefore);
    const afterLoadMiB = platform.rssMiB();
    const verifications = counts['POST /verifications']?.statuses['200'] ?? 0;
    const storeGrowth = platform.storeBytes('verification') - storeBefore;

    // The rate is timed to the last credential's issuedAt; the time until the poll saw it is shown beside it, since
    // under load the poll (a staff read) may itself wait for admission.
    printTable(`issuance of a ${size}-learner cohort (last upload to last credential issued), embedded platform`, [
      {
        measure: 'unloaded (baseline)',
        seconds: unloaded.seconds,
        'credentials/s': unloaded.perSecond,
        'vs unloaded': '1.00',
        'seen by poll s': unloaded.observedSeconds,
      },
      {
        measure: `under read load (${connections} loops x 4 endpoints)`,
        seconds: loaded.seconds,
        'credentials/s': loaded.perSecond,
        'vs unloaded': ratio(loaded.perSecond, unloaded.perSecond),
        'seen by poll s': loaded.observedSeconds,
      },
    ]);
    const okPerSecond = (c: { statuses: Record<string, number> }) =>
      Object.entries(c.statuses).reduce((n, [s, k]) => (s.startsWith('2') ? n + k : n), 0) / loadSeconds;
    const rows: Row[] = Object.entries(counts).map(([endpoint, c]) => ({
      endpoint,
      requests: c.requests,
      'per second': Math.round(c.requests / loadSeconds),
      'answered 2xx/s': okPerSecond(c).toFixed(1),
      statuses: Object.entries(c.statuses)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', '),
      errors: c.errors,
    }));
    printTable(`read load answered while the loaded cohort was issued (${loadSeconds.toFixed(1)} s)`, rows);
    printTable(`CPU time per cohort, enrolment to last credential (${availableParallelism()} cores, shared with whatever else runs here)`, [
      {
        cohort: 'unloaded',
        'wall s': unloaded.seconds + unloaded.uploadSeconds,
        'platform CPU s': unloadedCpu.platform,
        'load generator CPU s': unloadedCpu.bench,
      },
      { cohort: 'under read load', 'wall s': loadSeconds, 'platform CPU s': loadedCpu.platform, 'load generator CPU s': loadedCpu.bench },
    ]);
    printTable('platform process', [
      { measure: 'RSS idle after start (MiB)', value: Math.round(idleMiB) },
      { measure: 'RSS after the unloaded cohort (MiB)', value: Math.round(afterUnloadedMiB) },
      { measure: 'RSS after the loaded cohort (MiB)', value: Math.round(afterLoadMiB) },
      { measure: 'verification store growth under load (KiB)', value: Math.round(storeGrowth / 1024) },
      { measure: 'bytes per anonymous verification', value: verifications ? Math.round(storeGrowth / verifications) : 'n/a' },
    ]);
    console.log(
      `ratio loaded/unloaded ${ratio(loaded.perSecond, unloaded.perSecond)} (target >= 0.80); as seen by polling ${ratio(unloaded.observedSeconds, loaded.observedSeconds)}`,
    );
    // The other half of the target: reads are held back, not starved.
    console.log(
      `reads answered 2xx per second: ${Object.entries(counts)
        .map(([endpoint, c]) => `${endpoint} ${okPerSecond(c).toFixed(1)}`)
        .join(', ')}`,
    );
  } finally {
    await platform.close();
  }
}

runIfMain(module, run);
