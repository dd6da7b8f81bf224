import { resolve } from 'node:path';
import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { startPlatform } from './platform';

/**
 * Asks a service of this process whether it is ready. The first request can meet a loop still busy with start-up
 * work (catching up read models), so a failed connection is tried again; a service that still cannot answer is
 * reported as not ready, with the cause, instead of stopping the platform.
 */
async function readiness(url: string): Promise<{ ready: boolean; error?: string }> {
  let failure: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(30_000) });
      await res.body?.cancel();
      return { ready: res.ok };
    } catch (error) {
      failure = error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
  const cause = (failure as { cause?: unknown })?.cause;
  return { ready: false, error: String(cause instanceof Error ? cause.message : ((failure as Error)?.message ?? failure)) };
}

runMain(async () => {
  const platform = await startPlatform();
  const ready = await Promise.all(
    platform.services.map(async (s) => ({ service: s.service, url: s.url, ...(await readiness(s.url)), docs: `${s.url}/docs` })),
  );
  process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'platform ready', services: ready }) + '\n');
  process.stdout.write('\nAlliance credential platform is running (embedded mode):\n');
  for (const r of ready) process.stdout.write(`  ${r.service.padEnd(13)} ${r.url}  ready=${r.ready}  docs: ${r.docs}\n`);
  const page = (service: string, path: string) => ready.find((r) => r.service === service)?.url.concat(path);
  const mail = resolve(process.env['DATA_DIR'] ?? '.data', 'mail', 'learner-mail.jsonl');
  process.stdout.write(`\n  learners:  ${page('issuance', '/learner')}  (development mail, sign-in links included: ${mail})\n`);
  process.stdout.write(`  employers: ${page('verification', '/verify')}\n`);
  process.stdout.write('\nStop with Ctrl+C.\n');
  return platform;
});
