/**
 * Issuance and verification throughput, per cryptosuite, each beside two baselines measured in the same run:
 * raw Ed25519 with node:crypto, three signatures per credential (issue) or three checks (verify), and the
 * @digitalbazaar/vc stack issuing (issue()) or verifying (verifyCredential()) an OB 3.0 credential with ONE
 * eddsa-rdfc-2022 proof, contexts and DID documents served offline.
 *   npm run build && node dist/bench/issuance/index.js
 * BENCH_SECONDS (default 5) is the time per measurement; BENCH_CONCURRENCY (default 4) the credentials in flight.
 */
import 'reflect-metadata';
import type { CryptosuiteName } from '@alliance/credentials';
import { digitalBazaarBaseline } from '../../libs/credentials/bench/digitalbazaar-baseline';
import { benchIssuance } from '../../libs/issuance/bench/issuance.bench';
import { benchVerification } from '../../libs/verification/bench/verification.bench';
import { runIfMain } from '../support/output';
import { rawEd25519 } from './raw-ed25519';

interface Row {
  measure: string;
  cryptosuite: string;
  perSecond: number;
  'ms each': number;
  'vs raw Ed25519': string;
  'vs @digitalbazaar/vc 1 proof': string;
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const raw = rawEd25519(seconds);
  const vc = await digitalBazaarBaseline(seconds);
  const sign = { raw: raw.signPerSecond, vc: vc.signPerSecond };
  const verify = { raw: raw.verifyPerSecond, vc: vc.verifyPerSecond };
  const rows: Row[] = [
    row('baseline: 3 raw Ed25519 signatures (node:crypto)', '-', raw.signPerSecond, sign),
    row('baseline: 3 raw Ed25519 verifications (node:crypto)', '-', raw.verifyPerSecond, verify),
    row('baseline: @digitalbazaar/vc issue(), 1 proof', 'eddsa-rdfc-2022', vc.signPerSecond, sign),
    row('baseline: @digitalbazaar/vc verifyCredential(), 1 proof', 'eddsa-rdfc-2022', vc.verifyPerSecond, verify),
  ];
  for (const suite of ['eddsa-jcs-2022', 'eddsa-rdfc-2022'] as CryptosuiteName[]) {
    const issued = await benchIssuance(suite, seconds, concurrency);
    rows.push(
      row('credentials issued (3 proofs: compose, status slot, draft, sign, issue; embedded store)', suite, issued.perSecond, sign),
    );
    const members = issued.members.map((m) => ({ ...m, keys: m.keys.map(({ custody: _c, ...k }) => k) }));
    // The issuance bench's platform names its contexts under its public URL.
    const verified = await benchVerification(issued.documents, members, issued.statusLists, seconds, concurrency, [
      'https://issuance.alliance.example',
    ]);
    if (Object.keys(verified.verdicts).some((v) => v !== 'valid'))
      throw new Error(`bench credentials did not all verify: ${JSON.stringify(verified.verdicts)}`);
    rows.push(row('verifications (every check, 3 proofs + the status list proof)', suite, verified.perSecond, verify));
  }
  console.log(
    `issuance and verification: ${seconds}s per measurement, ${concurrency} in flight; the @digitalbazaar/vc baseline signs the ${vc.credential}`,
  );
  if (vc.fallbackReason)
    console.log(
      `@digitalbazaar/vc could not secure our OB 3.0 credential, so its baseline uses a plain VC 2.0 credential: ${vc.fallbackReason}`,
    );
  console.table(rows);
}

function row(measure: string, cryptosuite: string, perSecond: number, baselines: { raw: number; vc: number }): Row {
  return {
    measure,
    cryptosuite,
    perSecond: Math.round(perSecond * 10) / 10,
    'ms each': Math.round((1000 / perSecond) * 100) / 100,
    'vs raw Ed25519': `${(perSecond / baselines.raw).toFixed(3)}x`,
    'vs @digitalbazaar/vc 1 proof': `${(perSecond / baselines.vc).toFixed(3)}x`,
  };
}

runIfMain(module, run);
