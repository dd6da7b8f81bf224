import { createHash } from 'node:crypto';
import type { ControllerDocument } from '../did/controller-document';
import { createVerificationMethodResolver } from '../did/resolver';
import { readVectorJson, readVectorText, TV, vectorLoader } from '../__tests__/vectors';
import { computeHashData } from './cryptosuite';
import { dataIntegrityErrorType } from './errors';
import { eddsaRdfc2022 } from './eddsa-rdfc-2022';
import { addChainedProof, signCredential, withoutProof } from './sign';
import type { DataIntegrityProof, JsonObject } from './types';
import { verifyCredential } from './verify-credential';

const RDFC = (...p: string[]) => TV('eddsa-rdfc-2022', ...p);
const SC = (f: string) => TV('proof-set-chain', f);
const keyPair = readVectorJson<{ privateKeyMultibase: string }>(...TV('keyPair.json'));
const multi = readVectorJson<Record<string, { privateKeyMultibase: string }>>(...SC('multiKeyPairs.json'));
const resolveVerificationMethod = createVerificationMethodResolver();
const verify = (doc: JsonObject) => verifyCredential(doc, { resolveVerificationMethod, documentLoader: vectorLoader });
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function signerFrom(config: JsonObject, privateKey: string) {
  return {
    verificationMethod: config.verificationMethod as string,
    privateKey,
    cryptosuite: 'eddsa-rdfc-2022' as const,
    created: config.created as string,
    ...(config.id ? { id: config.id as string } : {}),
  };
}

describe('eddsa-rdfc-2022 known-answer signing (W3C vc-di-eddsa vectors)', () => {
  it('reproduces canonical N-Quads, both hashes and the signature', async () => {
    const unsigned = readVectorJson(...TV('unsigned.json'));
    const config = readVectorJson(...RDFC('proofConfigDataInt.json'));
    const r = await computeHashData(eddsaRdfc2022, unsigned, config, vectorLoader);
    expect(r.canonicalDocument).toBe(readVectorText(...RDFC('canonDocDataInt.txt')));
    expect(r.canonicalProofConfig).toBe(readVectorText(...RDFC('proofCanonDataInt.txt')));
    expect(sha(r.canonicalDocument)).toBe(readVectorText(...RDFC('docHashDataInt.txt')).trim());
    expect(hex(r.hashData)).toBe(readVectorText(...RDFC('combinedHashDataInt.txt')).trim());

    const out = await signCredential(unsigned, [signerFrom(config, keyPair.privateKeyMultibase)], { documentLoader: vectorLoader });
    expect(out.proof[0].proofValue).toBe(readVectorText(...RDFC('sigBTC58DataInt.txt')).trim());
    expect(out.proof[0]).toEqual((readVectorJson(...RDFC('signedDataInt.json')) as { proof: JsonObject }).proof);
  });

  it('verifies signedDataInt.json and rejects a changed field', async () => {
    const signed = readVectorJson(...RDFC('signedDataInt.json'));
    expect((await verify(signed)).verified).toBe(true);
    const changed = structuredClone(signed);
    changed.name = 'Forged Credential';
    const r = await verify(changed);
    expect(r.verified).toBe(false);
    expect(r.proofs[0].errors[0].code).toBe('INVALID_SIGNATURE');
  });
});

describe('proof sets and chains (W3C vc-di-eddsa proof-set-chain vectors)', () => {
  const unsigned = readVectorJson(...SC('unsigned.json'));

  it('builds the two-member proof set of signedProofSet2.json', async () => {
    const c1 = readVectorJson(...SC('proofSetConfig1.json'));
    const c2 = readVectorJson(...SC('proofSetConfig2.json'));
    const one = await signCredential(unsigned, [signerFrom(c1, multi.keyPair1.privateKeyMultibase)], { documentLoader: vectorLoader });
    expect(one.proof[0]).toEqual(readVectorJson(...SC('proofSetConfigSigned1.json')));
    const two = await signCredential(one, [signerFrom(c2, multi.keyPair2.privateKeyMultibase)], { documentLoader: vectorLoader });
    expect(two).toEqual(readVectorJson(...SC('signedProofSet2.json')));
  });

  it('builds the chains of signedProofChain1.json and signedProofChain2.json', async () => {
    const set = readVectorJson(...SC('signedProofSet2.json'));
    const c3 = readVectorJson(...SC('proofChainConfig1.json'));
    const chain1 = await addChainedProof(set, { ...signerFrom(c3, multi.keyPair3.privateKeyMultibase), previousProof: c3.previousProof as string[] }, { documentLoader: vectorLoader });
    expect(chain1).toEqual(readVectorJson(...SC('signedProofChain1.json')));
    const c4 = readVectorJson(...SC('proofChainConfig2.json'));
    const chain2 = await addChainedProof(chain1, { ...signerFrom(c4, multi.keyPair4.privateKeyMultibase), previousProof: c4.previousProof as string }, { documentLoader: vectorLoader });
    expect(chain2).toEqual(readVectorJson(...SC('signedProofChain2.json')));
  });

  it('signs a chained proof over the document with proof set to the matching proofs (proofChainTempDoc)', async () => {
    const chain1 = readVectorJson(...SC('signedProofChain1.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const temp = readVectorJson(...SC('proofChainTempDoc2.json'));
    expect({ ...withoutProof(chain1), proof: [chain1.proof[2]] }).toEqual(temp);
  });

  it('rejects a previousProof that names no proof when adding', async () => {
    const set = readVectorJson(...SC('signedProofSet2.json'));
    const c3 = readVectorJson(...SC('proofChainConfig1.json'));
    await expect(
      addChainedProof(set, { ...signerFrom(c3, multi.keyPair3.privateKeyMultibase), previousProof: 'urn:uuid:00000000-0000-0000-0000-000000000000' }, { documentLoader: vectorLoader }),
    ).rejects.toMatchObject({ code: 'PROOF_GENERATION_ERROR' });
  });

  it.each(['signedProofSet2.json', 'signedProofChain1.json', 'signedProofChain2.json'])('verifies every proof of %s', async (file) => {
    const r = await verify(readVectorJson(...SC(file)));
    expect(r.proofs.flatMap((p) => p.errors)).toEqual([]);
    expect(r.proofs.every((p) => p.verified)).toBe(true);
    expect(r.verified).toBe(true);
  });

  it('fails when a proof referenced by previousProof is dropped', async () => {
    const chain2 = readVectorJson(...SC('signedProofChain2.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const dropped = { ...chain2, proof: chain2.proof.filter((p) => p.id !== 'urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23') };
    const r = await verify(dropped);
    expect(r.verified).toBe(false);
    expect(r.proofs[2].errors.map((e) => e.code)).toEqual(['PREVIOUS_PROOF_NOT_FOUND']);
    expect(dataIntegrityErrorType(r.proofs[2].errors[0].code)).toBe('PROOF_VERIFICATION_ERROR');

    const chain1 = readVectorJson(...SC('signedProofChain1.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const droppedFirst = { ...chain1, proof: chain1.proof.slice(1) };
    const r1 = await verify(droppedFirst);
    expect(r1.verified).toBe(false);
    expect(r1.proofs[1].errors.map((e) => e.code)).toEqual(['PREVIOUS_PROOF_NOT_FOUND']);
  });

  it('fails a chained proof whose predecessor no longer verifies, even though its own signature does', async () => {
    const chain2 = readVectorJson(...SC('signedProofChain2.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const tampered = structuredClone(chain2);
    tampered.proof[0].created = '2024-01-01T00:00:00Z';
    const r = await verify(tampered);
    expect(r.verified).toBe(false);
    expect(r.proofs[0].errors[0].code).toBe('INVALID_SIGNATURE');
    // proof 3 covers proof 1 in full, so its signature breaks too; proof 4 covers only proof 3 and fails through the chain.
    expect(r.proofs[2].errors[0].code).toBe('INVALID_SIGNATURE');
    expect(r.proofs[3].errors.map((e) => e.code)).toEqual(['PREVIOUS_PROOF_NOT_VERIFIED']);
  });

  it('still verifies a proof set with a member removed: only a co-issuance policy catches that', async () => {
    const set = readVectorJson(...SC('signedProofSet2.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const oneLeft = { ...set, proof: [set.proof[0]] };
    expect((await verify(oneLeft)).verified).toBe(true);
    const missing = 'did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E';
    const r = await verifyCredential(oneLeft, { resolveVerificationMethod, documentLoader: vectorLoader, requiredSigners: [missing] });
    expect(r.verified).toBe(false);
    expect(r.errors).toEqual([{ code: 'MISSING_REQUIRED_SIGNER', message: expect.stringContaining(missing) }]);
  });
});

describe('Open Badges 3.0 eddsa-rdfc-2022 vector (1EdTech)', () => {
  const OB = (f: string) => ['openbadges', 'ob3-eddsa-rdfc-2022-vector', f];
  const kp = readVectorJson<{ id: string; controller: string; publicKeyMultibase: string; secretKeyMultibase: string }>(...OB('keypair.json'));
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
    const out = await signCredential(unsigned, [{ ...signerFrom(options, kp.secretKeyMultibase) }], { documentLoader: vectorLoader });
    expect(out.proof[0].proofValue).toBe(hashes.proofValue);
  });

  it('verifies signed.json through a controller document resolver', async () => {
    const r = await verifyCredential(readVectorJson(...OB('signed.json')), { resolveVerificationMethod: resolver });
    expect(r.proofs[0].errors).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.signers).toEqual([kp.controller]);
  });
});
