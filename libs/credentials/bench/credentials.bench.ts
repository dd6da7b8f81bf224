/**
 * Sign + verify throughput of a three-university co-signed micro-credential, eddsa-jcs-2022 against
 * eddsa-rdfc-2022, measured in the same run so the ratio is meaningful on any machine.
 * `node dist/libs/credentials/bench/credentials.bench.js` after `npm run build`; `BENCH_SECONDS` sets the
 * time per suite (default 3).
 */
import {
  buildAchievementCredential,
  buildDidWebDocument,
  createVerificationMethodResolver,
  type CryptosuiteName,
  generateEd25519KeyPair,
  type JsonObject,
  requiredCoIssuersOf,
  signCredential,
  verifyCredential,
} from '../src/index';

interface SuiteResult {
  cryptosuite: CryptosuiteName;
  rounds: number;
  seconds: number;
  perSecond: number;
  msPerRound: number;
}

const institutions = ['uni-a.example', 'uni-b.example', 'uni-c.example'].map((host, i) => ({
  did: `did:web:${host}`,
  name: `University ${'ABC'[i]}`,
  country: ['DE', 'PT', 'FI'][i],
  keys: generateEd25519KeyPair(),
}));
const documents = new Map(institutions.map((i) => [i.did, buildDidWebDocument(i.did, [{ id: `${i.did}#key-1`, publicKeyMultibase: i.keys.publicKeyMultibase }])]));
const resolveVerificationMethod = createVerificationMethodResolver({ resolveDidWeb: (did) => documents.get(did) });

function credential(n: number): JsonObject {
  return buildAchievementCredential({
    credentialId: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    issuanceDate: '2025-06-30T10:00:00Z',
    learner: { id: `l-${n}`, givenName: 'Ada', familyName: `Learner ${n}` },
    result: { grade: 'B' },
    definition: {
      id: 'bench-definition',
      version: 1,
      title: 'Sustainable Energy Systems',
      description: 'Joint micro-credential used to measure signing and verification.',
      learningOutcomes: [{ text: 'Model a photovoltaic installation', escoUri: 'http://data.europa.eu/esco/skill/0a7e5d1b-3e2b-4d6e-8a3c-1f9b2c3d4e5f' }, { text: 'Assess life-cycle emissions' }],
      ectsCredits: 5,
      eqfLevel: 7,
      assessmentType: 'Written examination',
      participationForm: 'blended',
      qualityAssurance: { type: 'Internal quality assurance', body: 'Alliance Quality Board' },
      awardingBodies: institutions.map((i, k) => ({ institutionId: String(k), name: i.name, did: i.did, countryCode: i.country, lead: k === 0 })),
      language: 'en',
    },
  });
}

async function measure(cryptosuite: CryptosuiteName, seconds: number): Promise<SuiteResult> {
  const signers = institutions.map((i) => ({ verificationMethod: `${i.did}#key-1`, privateKey: i.keys.secretKey, cryptosuite }));
  const round = async (n: number) => {
    const signed = await signCredential(credential(n), signers);
    const result = await verifyCredential(signed, { resolveVerificationMethod, requiredSigners: requiredCoIssuersOf(signed) });
    if (!result.verified) throw new Error(`benchmark credential did not verify: ${JSON.stringify(result.errors)}`);
  };
  for (let n = 0; n < 5; n++) await round(n);
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  let rounds = 0;
  while (process.hrtime.bigint() < deadline) await round(rounds++);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { cryptosuite, rounds, seconds: elapsed, perSecond: rounds / elapsed, msPerRound: (elapsed * 1000) / rounds };
}

/** Runs both suites and prints a table plus the jcs/rdfc ratio. */
export async function run(): Promise<{ results: SuiteResult[]; ratio: number }> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const results = [await measure('eddsa-jcs-2022', seconds), await measure('eddsa-rdfc-2022', seconds)];
  const ratio = results[0].perSecond / results[1].perSecond;
  console.log('credential co-signed by 3 institutions: build + sign (3 proofs) + verify (3 proofs + co-issuance policy)');
  console.table(results.map((r) => ({ cryptosuite: r.cryptosuite, rounds: r.rounds, 'sign+verify per s': r.perSecond.toFixed(1), 'ms per round': r.msPerRound.toFixed(2) })));
  console.log(JSON.stringify({ level: 'info', msg: 'credentials benchmark', jcsOverRdfc: Number(ratio.toFixed(2)), results }));
  return { results, ratio };
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
