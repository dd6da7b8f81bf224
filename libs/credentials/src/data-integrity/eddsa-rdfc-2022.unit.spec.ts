import { createHash } from 'node:crypto';
import type { ControllerDocument } from '../did/controller-document';
import { createVerificationMethodResolver } from '../did/resolver';
import { rdfcSignerFrom, readVectorJson, readVectorText, TV, vectorLoader, verifyWithVectors } from '../__tests__/vectors';
import { computeHashData } from './cryptosuite';
import { eddsaRdfc2022 } from './eddsa-rdfc-2022';
import { signCredential } from './sign';
import type { JsonObject } from './types';
import { verifyCredential } from './verify-credential';

const RDFC = (...p: string[]) => TV('eddsa-rdfc-2022', ...p);
const keyPair = readVectorJson<{ privateKeyMultibase: string }>(...TV('keyPair.json'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('eddsa-rdfc-2022 known-answer signing (W3C vc-di-eddsa vectors)', () => {
  it('reproduces canonical N-Quads, both hashes and the signature', async () => {
    const unsigned = readVectorJson(...TV('unsigned.json'));
    const config = readVectorJson(...RDFC('proofConfigDataInt.json'));
    const r = await computeHashData(eddsaRdfc2022, unsigned, config, vectorLoader);
    expect(r.canonicalDocument).toBe(readVectorText(...RDFC('canonDocDataInt.txt')));
    expect(r.canonicalProofConfig).toBe(readVectorText(...RDFC('proofCanonDataInt.txt')));
    expect(sha(r.canonicalDocument)).toBe(readVectorText(...RDFC('docHashDataInt.txt')).trim());
    expect(hex(r.hashData)).toBe(readVectorText(...RDFC('combinedHashDataInt.txt')).trim());

    const out = await signCredential(unsigned, [rdfcSignerFrom(config, keyPair.privateKeyMultibase)], { documentLoader: vectorLoader });
    expect(out.proof[0].proofValue).toBe(readVectorText(...RDFC('sigBTC58DataInt.txt')).trim());
    expect(out.proof[0]).toEqual((readVectorJson(...RDFC('signedDataInt.json')) as { proof: JsonObject }).proof);
  });

  it('verifies signedDataInt.json and rejects a changed field', async () => {
    const signed = readVectorJson(...RDFC('signedDataInt.json'));
    expect((await verifyWithVectors(signed)).verified).toBe(true);
    const changed = structuredClone(signed);
    changed.name = 'Forged Credential';
    const r = await verifyWithVectors(changed);
    expect(r.verified).toBe(false);
    expect(r.proofs[0].errors[0].code).toBe('INVALID_SIGNATURE');
  });
});

describe('Open Badges 3.0 eddsa-rdfc-2022 vector (1EdTech)', () => {
  const OB = (f: string) => ['openbadges', 'ob3-eddsa-rdfc-2022-vector', f];
  const kp = readVectorJson<{ id: string; controller: string; publicKeyMultibase: string; secretKeyMultibase: string }>(
    ...OB('keypair.json'),
  );
  const hashes = readVectorJson<Record<string, string>>(...OB('hashes.json'));
  const issuerProfile: ControllerDocument = {
    id: kp.controller,
    verificationMethod: [{ id: kp.id, type: 'Multikey', controller: kp.controller, publicKeyMultibase: kp.publicKeyMultibase }],
    assertionMethod: [kp.id],
  };
  const resolver = createVerificationMethodResolver({ resolveController: (id) => (id === kp.controller ? issuerProfile : undefined) });

  it('reproduces the canonical forms, hashes and proofValue', async () => {
    const unsigned = readVectorJson(...OB('unsigned.json'));
    const options = readVectorJson(...OB('proofOptions.json'));
    const r = await computeHashData(eddsaRdfc2022, unsigned, { ...options, '@context': unsigned['@context'] }, vectorLoader);
    expect(r.canonicalDocument).toBe(readVectorText(...OB('document-canon.txt')));
    expect(r.canonicalProofConfig).toBe(readVectorText(...OB('proof-canon.txt')));
    expect(sha(r.canonicalDocument)).toBe(hashes.documentHashHex);
    expect(sha(r.canonicalProofConfig)).toBe(hashes.proofHashHex);
    expect(hex(r.hashData)).toBe(hashes.dataToSignHex);
    const out = await signCredential(unsigned, [{ ...rdfcSignerFrom(options, kp.secretKeyMultibase) }], { documentLoader: vectorLoader });
    expect(out.proof[0].proofValue).toBe(hashes.proofValue);
  });

  it('verifies signed.json through a controller document resolver', async () => {
    const r = await verifyCredential(readVectorJson(...OB('signed.json')), { resolveVerificationMethod: resolver });
    expect(r.proofs[0].errors).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.signers).toEqual([kp.controller]);
  });
});
