import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceUrls } from './joint-credential';
import { eventually, type Patience, token } from './scenario-http';
import { builtMain } from './spawn-process';

export interface EmbeddedPlatform {
  urls: ServiceUrls & { audit: string };
  patience: Patience;
  /** The platform's data directory (removed by close). */
  dataDir: string;
  /** Everything the platform wrote to stdout and stderr so far. */
  output(): string;
  /** Whether the platform process is still running. */
  alive(): boolean;
  /** Stops the platform and keeps its data directory. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Where the platform started with PLATFORM_BASE_PORT `firstPort` serves each service: consecutive loopback ports. */
export function platformUrls(firstPort: number): ServiceUrls & { audit: string } {
  const url = (offset: number) => `http://127.0.0.1:${firstPort + offset}`;
  return { catalogue: url(0), enrolment: url(1), assessment: url(2), issuance: url(3), verification: url(4), audit: url(5) };
}

/**
 * The built platform executable on the embedded defaults, on free-ish ports from `firstPort`, in a throw-away
 * data directory (or `options.dataDir`); `env` overrides settings (a rate limit switched off, say).
 */
export async function startEmbeddedPlatform(
  firstPort: number,
  env: NodeJS.ProcessEnv = {},
  options: { dataDir?: string } = {},
): Promise<EmbeddedPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'platform-'));
  let output = '';
  const platform: ChildProcess = spawn(process.execPath, [builtMain('platform')], {
    env: { ...process.env, DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(firstPort), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  platform.stdout!.on('data', (d) => (output += d));
  platform.stderr!.on('data', (d) => (output += d));
  const stop = async () => {
    if (platform.exitCode !== null || platform.signalCode !== null) return;
    platform.kill('SIGTERM');
    await new Promise((r) => platform.once('exit', r));
  };
  const patience: Patience = { timeoutMs: 30_000, diagnostics: () => output.slice(-4000) };
  await eventually(async () => (output.includes('"msg":"platform ready"') ? true : undefined), 'the platform', {
    ...patience,
    timeoutMs: 90_000,
  });
  return {
    urls: platformUrls(firstPort),
    patience,
    dataDir,
    output: () => output,
    alive: () => platform.exitCode === null && platform.signalCode === null,
    stop,
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface AuditedEvent {
  store: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { actor?: { subject?: string; institution?: string } };
}

/** Every stored event of every service matching the audit API's filter, as an auditor reads them (streamed NDJSON). */
export async function auditedEvents(audit: string, filter: Record<string, string>): Promise<AuditedEvent[]> {
  const res = await fetch(`${audit}/events?${new URLSearchParams(filter).toString()}`, {
    headers: { accept: 'application/x-ndjson', authorization: `Bearer ${await token('auditor')}` },
  });
  if (res.status !== 200) throw new Error(`GET /events answered ${res.status}: ${await res.text()}`);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { store, event } = JSON.parse(line) as { store: string; event: Omit<AuditedEvent, 'store'> };
      return { store, ...event };
    });
}
