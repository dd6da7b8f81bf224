/**
 * Sign and verify throughput of a three-university co-signed micro-credential, eddsa-jcs-2022 against
 * eddsa-rdfc-2022, each beside the @digitalbazaar/vc stack securing the same credential with ONE
 * eddsa-rdfc-2022 proof, all measured in the same run so the ratios are meaningful on any machine.
 * `node dist/libs/credentials/bench/credentials.bench.js` after `npm run build`; `BENCH_SECONDS` sets the
 * time per measurement (default 3).
 */
import { type CryptosuiteName, type JsonObject, requiredCoIssuersOf, signCredential, verifyCredential } from '../src/index';
import { benchCredential, benchLoader, institutions, resolveVerificationMethod } from './bench-credential';
import { type DigitalBazaarBaseline, digitalBazaarBaseline } from './digitalbazaar-baseline';
import { measureRate } from './rate';

interface SuiteResult {
  cryptosuite: CryptosuiteName;
  signPerSecond: number;
  verifyPerSecond: number;
}

async function measure(cryptosuite: CryptosuiteName, seconds: number): Promise<SuiteResult> {
  const signers = institutions.map((i) => ({ verificationMethod: i.verificationMethod, privateKey: i.keys.secretKey, cryptosuite }));
  const signed: JsonObject[] = [];
  const sign = await measureRate(seconds, async (n) => {
    const credential = await signCredential(benchCredential(n), signers, { documentLoader: benchLoader });
    if (signed.length < 200) signed.push(credential);
  });
  const verify = await measureRate(seconds, async (n) => {
    const credential = signed[n % signed.length];
    const result = await verifyCredential(credential, {
      resolveVerificationMethod,
      requiredSigners: requiredCoIssuersOf(credential),
      documentLoader: benchLoader,
    });
    if (!result.verified) throw new Error(`benchmark credential did not verify: ${JSON.stringify(result.errors)}`);
  });
  return { cryptosuite, signPerSecond: sign.perSecond, verifyPerSecond: verify.perSecond };
}

/** Measures the baseline and both suites, and prints one table with every rate against the baseline's. */
export async function run(): Promise<{ results: SuiteResult[]; baseline: DigitalBazaarBaseline }> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const baseline = await digitalBazaarBaseline(seconds);
  const results = [await measure('eddsa-jcs-2022', seconds), await measure('eddsa-rdfc-2022', seconds)];
  const rows = [
    row('baseline: @digitalbazaar/vc issue() (build + sign)', 'eddsa-rdfc-2022', 1, baseline.signPerSecond, baseline.signPerSecond),
    row('baseline: @digitalbazaar/vc verifyCredential()', 'eddsa-rdfc-2022', 1, baseline.verifyPerSecond, baseline.verifyPerSecond),
    ...results.flatMap((r) => [
      row('ours: build + sign', r.cryptosuite, 3, r.signPerSecond, baseline.signPerSecond),
      row('ours: verify (+ co-issuance policy)', r.cryptosuite, 3, r.verifyPerSecond, baseline.verifyPerSecond),
    ]),
  ];
  console.log(
    `credential co-signed by 3 institutions, ${seconds}s per measurement; baseline: the @digitalbazaar/vc stack with ONE proof on the ${baseline.credential}`,
  );
  if (baseline.fallbackReason)
    console.log(
      `@digitalbazaar/vc could not secure our OB 3.0 credential, so the baseline uses a plain VC 2.0 credential: ${baseline.fallbackReason}`,
    );
  console.log(`our verifier accepts the @digitalbazaar/vc proof: ${baseline.ourVerifierAcceptsTheirProof ? 'yes' : 'NO'}`);
  console.table(rows);
  const jcsOverRdfc = {
    sign: results[0].signPerSecond / results[1].signPerSecond,
    verify: results[0].verifyPerSecond / results[1].verifyPerSecond,
  };
  console.log(JSON.stringify({ level: 'info', msg: 'credentials benchmark', jcsOverRdfc, baseline, results }));
  return { results, baseline };
}

function row(measure: string, cryptosuite: string, proofs: number, perSecond: number, baseline: number) {
  return {
    measure,
    cryptosuite,
    proofs,
    'per s': Math.round(perSecond * 10) / 10,
    'ms each': Math.round((1000 / perSecond) * 100) / 100,
    'vs @digitalbazaar/vc 1 proof': `${(perSecond / baseline).toFixed(2)}x`,
  };
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
