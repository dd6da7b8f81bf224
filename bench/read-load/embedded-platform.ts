/**
 * The built embedded platform (`apps/platform`, all six services in one Node process) as a child process, so
 * the load generator does not share its event loop; the joint credential every cohort is issued for and the
 * HTTP helpers are the cross-service scenarios' own (test/support, compiled with the benchmarks).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '@alliance/event-sourcing';
import { setUpJointCredential } from '../../test/support/joint-credential';

export { COMPONENTS, setUpJointCredential } from '../../test/support/joint-credential';
export { call, token } from '../../test/support/scenario-http';

export const SERVICES = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit'] as const;
export type Urls = Record<(typeof SERVICES)[number], string>;

export interface BenchPlatform {
  urls: Urls;
  dataDir: string;
  /** Resident set size of the platform process, in MiB. */
  rssMiB(): number;
  /** CPU time the platform process used so far (user + system), in seconds. */
  cpuSeconds(): number;
  /** Bytes under DATA_DIR/<service>. */
  storeBytes(service: string): number;
  close(): Promise<void>;
}

/** Polls `probe` (a failing probe counts as not yet) until it answers something other than undefined. */
export function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs: number, intervalMs = 100): Promise<T> {
  return pollUntil(() => probe().catch(() => undefined), {
    timeoutMs,
    intervalMs,
    timedOut: () => new Error(`timed out after ${timeoutMs} ms waiting for ${what}`),
  });
}

export async function startBenchPlatform(firstPort: number, env: NodeJS.ProcessEnv = {}): Promise<BenchPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-platform-'));
  const main = join(__dirname, '..', '..', 'apps', 'platform', 'src', 'main.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_PLATFORM_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), main],
    {
      env: { ...process.env, DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(firstPort), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dataDir,
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  let ended = false;
  const exited = new Promise((r) => child.once('exit', r)).then(() => (ended = true));
  await until(async () => (output.includes('"msg":"platform ready"') || ended ? true : undefined), 'the platform', 120_000, 200);
  if (ended || !output.includes('"msg":"platform ready"')) throw new Error(`the platform did not start:\n${output.slice(-3000)}`);
  const urls = Object.fromEntries(SERVICES.map((s, i) => [s, `http://127.0.0.1:${firstPort + i}`])) as Urls;
  return {
    urls,
    dataDir,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): user and system time, in clock ticks of 1/100 s.
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    storeBytes: (service) => bytesUnder(join(dataDir, service)),
    async close() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  }
  return total;
}

/** The joint credential of the cross-service scenarios (test/support): two members with keys held by issuance, automatic signing. */
export type JointCredential = Awaited<ReturnType<typeof setUpJointCredential>>;
