/**
 * Co-signed issuance throughput, three awarding bodies, per cryptosuite: credentials fully issued per second
 * when the platform holds the three keys under a recorded delegation (the baseline, measured in the same run)
 * and when each university runs its own signer (libs/signer) that pulls signing requests and returns proofs.
 *   npm run build && node dist/bench/signer/index.js
 * BENCH_SIGNER_N scales the credentials per measurement (default 200 with eddsa-jcs-2022, 60 with
 * eddsa-rdfc-2022; the number given is used for jcs and rdfc gets 30 % of it). BENCH_SIGNER_REPEAT (default 3)
 * is the timed batches each way, alternating, of which the median counts. BENCH_CONCURRENCY (default 4) is the
 * awards drafted at a time; BENCH_SIGNER_WARMUP (default 5) the credentials issued before timing.
 */
import 'reflect-metadata';
import type { CryptosuiteName } from '@alliance/credentials';
import { printTable, progress, ratio, type Row, runIfMain } from '../support/output';
import { median } from './alliance';
import { institutionSigners } from './institution-signers';
import { platformHeldKeys } from './platform-held';

const SUITES: { cryptosuite: CryptosuiteName; share: number }[] = [
  { cryptosuite: 'eddsa-jcs-2022', share: 1 },
  { cryptosuite: 'eddsa-rdfc-2022', share: 0.3 },
];

export async function run(): Promise<void> {
  const n = positive('BENCH_SIGNER_N', 200);
  const repeat = Math.round(positive('BENCH_SIGNER_REPEAT', 3));
  const concurrency = positive('BENCH_CONCURRENCY', 4);
  const warmup = positive('BENCH_SIGNER_WARMUP', 5);
  const pollMs = positive('BENCH_SIGNER_POLL_MS', 2);
  const timeoutMs = positive('BENCH_SIGNER_TIMEOUT_S', 600) * 1000;
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const { cryptosuite, share } of SUITES) {
    const count = Math.max(1, Math.round(n * share));
    const platform = await platformHeldKeys(cryptosuite, concurrency);
    try {
      const signers = await institutionSigners(cryptosuite, concurrency, { pollMs, timeoutMs });
      try {
        await platform.warmUp(warmup);
        await signers.warmUp(warmup);
        const rates = { platform: [] as number[], signers: [] as number[] };
        const work = progress(`${cryptosuite}, ${repeat} batches of ${count} each way`, 2 * repeat * count);
        for (let r = 0; r < repeat; r++) {
          // Alternate which way goes first, so drift on a busy machine does not favour one of them.
          const order = r % 2 === 0 ? (['platform', 'signers'] as const) : (['signers', 'platform'] as const);
          for (const [i, way] of order.entries()) {
            const ms = await (way === 'platform' ? platform : signers).issue(count, `batch-${r}`);
            rates[way].push((count * 1000) / ms);
            work.tick((2 * r + i + 1) * count);
          }
        }
        work.end();
        const platformRate = median(rates.platform);
        const signersRate = median(rates.signers);
        rows.push(row('platform-held keys, automatic signing (baseline)', cryptosuite, count, rates.platform, '1.00'));
        rows.push(
          row('3 institution-run signers (in-process transport)', cryptosuite, count, rates.signers, ratio(signersRate, platformRate)),
        );
        notes.push(...signers.notes().map((note) => `${cryptosuite}: ${note}`));
      } finally {
        await signers.close();
      }
    } finally {
      await platform.close();
    }
  }
  printTable(
    `Co-signed issuance, 3 awarding bodies: credentials fully issued per second, median of ${repeat} timed batches each way, alternating (drafting ${concurrency} at a time, ${warmup} warm-up credentials first)`,
    rows,
  );
  console.log(
    [
      '',
      'Both ways draft through IssueCredentialHandler on their own embedded event store, from award tracks whose three components were all passed.',
      'Platform-held keys: PlatformSigner makes the three proofs while drafting (one canonicalization for all three), recorded as one AddProofs.',
      'Signers: three SignerService instances (file key stores, signature logs fsynced per entry, local policy checked) each call round() in a loop;',
      `  one that finds nothing waits ${pollMs} ms. Each proof is checked by SigningRequests (signature verified against the registered key) and recorded on its own.`,
      'In-process transport: the signers call SigningRequests directly, without HTTP or the signer bearer-token check, so the network and express are not measured.',
      'All three signers and the platform share one Node.js process and event loop; separate machines would sign in parallel.',
      ...notes,
    ].join('\n'),
  );
}

function row(measure: string, cryptosuite: string, credentials: number, rates: number[], vsPlatform: string): Row {
  const rate = median(rates);
  return {
    measure,
    cryptosuite,
    'credentials a batch': credentials,
    'issued/s': rounded(rate),
    'slowest-fastest batch': `${rounded(Math.min(...rates))}-${rounded(Math.max(...rates))}`,
    'ms each': Math.round((1000 / rate) * 100) / 100,
    'signers / platform-held': vsPlatform,
  };
}

function rounded(rate: number): number {
  return rate >= 100 ? Math.round(rate) : Math.round(rate * 10) / 10;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

runIfMain(module, run);
