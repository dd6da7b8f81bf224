import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonObject } from '@alliance/credentials';
import { fakeWeb, registryOf } from '../__fixtures__/alliance-credential.fixture';
import { CredentialVerifier } from './credential-verifier';

const VECTORS = resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'vectors');
const vector = (...parts: string[]) => JSON.parse(readFileSync(resolve(VECTORS, ...parts), 'utf8')) as JsonObject;
const outcome = (report: Awaited<ReturnType<CredentialVerifier['verify']>>) =>
  Object.fromEntries(report.checks.map((c) => [c.id, c.outcome]));

/** An Open Badges issuer profile publishing the vector key, as the issuer would serve it at its id. */
const profile = (id: string, publicKeyMultibase: string) => ({
  id,
  verificationMethod: [{ id: `${id}#${publicKeyMultibase}`, type: 'Multikey', controller: id, publicKeyMultibase }],
  assertionMethod: [`${id}#${publicKeyMultibase}`],
});
const OB_KEY = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

describe('published vectors through the verification service', () => {
  const offline = new CredentialVerifier({ registry: registryOf(), statusLists: fakeWeb({}), didWeb: fakeWeb({}) });

  it.each([
    ['eddsa-jcs-2022', 'vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json'],
    ['eddsa-rdfc-2022', 'vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json'],
    ['proof set', 'vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet2.json'],
    ['proof chain', 'vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json'],
  ])(
    'W3C %s vector: every proof verifies; the issuer (a web address, outside the registry) cannot be linked to the did:key signer',
    async (_name, file) => {
      const report = await offline.verify(vector(...file.split('/')));
      expect(outcome(report)).toMatchObject({
        parse: 'passed',
        proofs: 'passed',
        'co-issuance': 'warning',
        'registry-keys': 'not-applicable',
        status: 'not-applicable',
      });
      expect(report.verdict).toBe('unverified-issuer');
    },
  );

  it('W3C vector tampered, or with its chained predecessor dropped: invalid', async () => {
    const jcs = vector('vc-di-eddsa', 'TestVectors', 'eddsa-jcs-2022', 'signedJCS.json');
    expect(await offline.verify({ ...jcs, validFrom: '2024-01-01T00:00:00Z' })).toMatchObject({
      verdict: 'invalid',
      failure: { check: 'proofs', code: 'INVALID_SIGNATURE' },
    });
    const chain = vector('vc-di-eddsa', 'TestVectors', 'proof-set-chain', 'signedProofChain1.json');
    const proofs = chain.proof as JsonObject[];
    const report = await offline.verify({
      ...chain,
      proof: proofs
        .filter((p) => !p.previousProof)
        .slice(1)
        .concat(proofs.filter((p) => p.previousProof)),
    });
    expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'proofs' } });
  });

  it('Open Badges 3.0 rdfc vector: verifies once its issuer profile can be read, and says so when it cannot', async () => {
    const ob = vector('openbadges', 'ob3-eddsa-rdfc-2022-vector', 'signed.json');
    const online = new CredentialVerifier({
      registry: registryOf(),
      statusLists: fakeWeb({}),
      didWeb: fakeWeb({ 'https://example.edu/issuers/565049': profile('https://example.edu/issuers/565049', OB_KEY) }),
    });
    const report = await online.verify(ob);
    expect(outcome(report)).toMatchObject({ proofs: 'passed', 'co-issuance': 'passed', 'registry-keys': 'not-applicable' });
    const unreachable = await offline.verify(ob);
    expect(unreachable.verdict).toBe('indeterminate');
    expect(unreachable.checks.find((c) => c.id === 'proofs')).toMatchObject({
      outcome: 'could-not-check',
      problems: [{ code: 'DID_UNREACHABLE' }],
    });
  });

  it('an rdfc proof over a context the verifier does not hold could not be checked: not a forgery', async () => {
    const rdfc = vector('vc-di-eddsa', 'TestVectors', 'eddsa-rdfc-2022', 'signedDataInt.json');
    const report = await offline.verify({ ...rdfc, '@context': [...(rdfc['@context'] as string[]), 'https://unknown.example/context/v1'] });
    expect(report.verdict).toBe('indeterminate');
    expect(report.checks.find((c) => c.id === 'proofs')).toMatchObject({
      outcome: 'could-not-check',
      problems: [{ code: 'UNKNOWN_CONTEXT' }],
    });
  });

  it('1EdTech credential revoked at index 23 of its published list: invalid, revoked', async () => {
    const credential = vector('status-list', '1edtech_ob3-credential-status-revoked-index-23.json');
    const list = vector('status-list', '1edtech_testlist_revoked-index-23.json');
    const entry = credential.credentialStatus as JsonObject;
    const issuer = 'https://1edtech.edu/issuers/565049';
    const web = fakeWeb({ [entry.statusListCredential as string]: list, [issuer]: profile(issuer, OB_KEY) });
    const report = await new CredentialVerifier({ registry: registryOf(), statusLists: web, didWeb: web }).verify(credential);
    expect(report.checks.find((c) => c.id === 'status')).toMatchObject({ outcome: 'failed', problems: [{ code: 'REVOKED' }] });
    expect(report.verdict).toBe('invalid');
  });
});
