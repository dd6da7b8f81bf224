/**
 * Issuance and verification throughput, per cryptosuite, each beside a baseline measured in the same run:
 * raw Ed25519 with node:crypto, three signatures per credential (issue) or three checks (verify).
 *   npm run build && node dist/bench/issuance/index.js
 * BENCH_SECONDS (default 5) is the time per measurement; BENCH_CONCURRENCY (default 4) the credentials in flight.
 * The @digitalbazaar/vc baseline is not installed in this workspace and is left out.
 */
import 'reflect-metadata';
import type { CryptosuiteName } from '@alliance/credentials';
import { benchIssuance } from '../../libs/issuance/bench/issuance.bench';
import { benchVerification } from '../../libs/verification/bench/verification.bench';
import { rawEd25519 } from './raw-ed25519';

interface Row {
  measure: string;
  cryptosuite: string;
  perSecond: number;
  'ms each': number;
  'vs raw Ed25519': string;
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const baseline = rawEd25519(seconds);
  const rows: Row[] = [
    row('baseline: 3 raw Ed25519 signatures (node:crypto)', '-', baseline.signPerSecond, baseline.signPerSecond),
    row('baseline: 3 raw Ed25519 verifications (node:crypto)', '-', baseline.verifyPerSecond, baseline.verifyPerSecond),
  ];
  for (const suite of ['eddsa-jcs-2022', 'eddsa-rdfc-2022'] as CryptosuiteName[]) {
    const issued = await benchIssuance(suite, seconds, concurrency);
    rows.push(row('credentials issued (3 proofs: compose, status slot, draft, sign, issue; embedded store)', suite, issued.perSecond, baseline.signPerSecond));
    const members = issued.members.map((m) => ({ ...m, keys: m.keys.map(({ custody: _c, ...k }) => k) }));
    const verified = await benchVerification(issued.documents, members, issued.statusLists, seconds, concurrency);
    if (Object.keys(verified.verdicts).some((v) => v !== 'valid')) throw new Error(`bench credentials did not all verify: ${JSON.stringify(verified.verdicts)}`);
    rows.push(row('verifications (every check, 3 proofs + the status list proof)', suite, verified.perSecond, baseline.verifyPerSecond));
  }
  console.log(`issuance and verification: ${seconds}s per measurement, ${concurrency} in flight; the @digitalbazaar/vc baseline is not installed and is left out`);
  console.table(rows);
}

function row(measure: string, cryptosuite: string, perSecond: number, baseline: number): Row {
  return {
    measure,
    cryptosuite,
    perSecond: Math.round(perSecond * 10) / 10,
    'ms each': Math.round((1000 / perSecond) * 100) / 100,
    'vs raw Ed25519': `${(perSecond / baseline).toFixed(3)}x`,
  };
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
