/**
 * `npm run bench`: runs every benchmark suite in turn. Each suite prints its own table, with the ratio
 * against a baseline measured in the same run. `BENCH_ONLY=event-store,messaging` runs a subset.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A suite is a folder with an index, or one `<suite>.bench.ts` file beside this one. */
const SUITES = [
  'event-store',
  'projection',
  'messaging',
  'credentials',
  'assessment',
  'issuance',
  'signer',
  'audit',
  'issuance-under-read-load',
  'upload-probe',
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  for (const suite of SUITES) {
    if (only && !only.includes(suite)) continue;
    const entry = [join(__dirname, suite, 'index.js'), join(__dirname, `${suite}.bench.js`)].find((file) => existsSync(file));
    if (!entry) {
      console.log(JSON.stringify({ level: 'warn', msg: 'benchmark suite not built, skipped', suite }));
      continue;
    }
    console.log(`\n=== ${suite} ===`);
    const started = Date.now();
    const mod = (await import(entry)) as { run: () => Promise<void> };
    await mod.run();
    console.log(JSON.stringify({ level: 'info', msg: 'benchmark suite finished', suite, seconds: (Date.now() - started) / 1000 }));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
