import { createVerificationMethodResolver } from '../did/resolver';
import { rdfcSignerFrom, readVectorJson, TV, vectorLoader, verifyWithVectors } from '../__tests__/vectors';
import { encodeMultibaseBase58btc } from '../encoding/multibase';
import { decodeSecretKeyMultibase, ed25519Sign, keyPairFromSeed, privateKeyFromSeed } from '../keys/ed25519';
import { computeHashData } from './cryptosuite';
import { eddsaRdfc2022 } from './eddsa-rdfc-2022';
import { dataIntegrityErrorType } from './errors';
import { addChainedProof, signCredential, withoutProof } from './sign';
import type { DataIntegrityProof, JsonObject } from './types';
import { verifyCredential } from './verify-credential';

const SC = (f: string) => TV('proof-set-chain', f);
const multi = readVectorJson<Record<string, { privateKeyMultibase: string }>>(...SC('multiKeyPairs.json'));
const resolveVerificationMethod = createVerificationMethodResolver();

describe('proof sets and chains (W3C vc-di-eddsa proof-set-chain vectors)', () => {
  const unsigned = readVectorJson(...SC('unsigned.json'));

  it('builds the two-member proof set of signedProofSet2.json', async () => {
    const c1 = readVectorJson(...SC('proofSetConfig1.json'));
    const c2 = readVectorJson(...SC('proofSetConfig2.json'));
    const one = await signCredential(unsigned, [rdfcSignerFrom(c1, multi.keyPair1.privateKeyMultibase)], { documentLoader: vectorLoader });
    expect(one.proof[0]).toEqual(readVectorJson(...SC('proofSetConfigSigned1.json')));
    const two = await signCredential(one, [rdfcSignerFrom(c2, multi.keyPair2.privateKeyMultibase)], { documentLoader: vectorLoader });
    expect(two).toEqual(readVectorJson(...SC('signedProofSet2.json')));
  });

  it('builds the chains of signedProofChain1.json and signedProofChain2.json', async () => {
    const set = readVectorJson(...SC('signedProofSet2.json'));
    const c3 = readVectorJson(...SC('proofChainConfig1.json'));
    const chain1 = await addChainedProof(
      set,
      { ...rdfcSignerFrom(c3, multi.keyPair3.privateKeyMultibase), previousProof: c3.previousProof as string[] },
      { documentLoader: vectorLoader },
    );
    expect(chain1).toEqual(readVectorJson(...SC('signedProofChain1.json')));
    const c4 = readVectorJson(...SC('proofChainConfig2.json'));
    const chain2 = await addChainedProof(
      chain1,
      { ...rdfcSignerFrom(c4, multi.keyPair4.privateKeyMultibase), previousProof: c4.previousProof as string },
      { documentLoader: vectorLoader },
    );
    expect(chain2).toEqual(readVectorJson(...SC('signedProofChain2.json')));
  });

  it.each([
    ['proofChainTempDoc1.json', 'proofChainConfigSigned1.json', 'keyPair3'],
    ['proofChainTempDoc2.json', 'proofChainConfigSigned2.json', 'keyPair4'],
  ])('signs chained proofs over %s: the document with proof set to the matching proofs', async (tempDoc, signedConfig, pair) => {
    const { proofValue, ...config } = readVectorJson(...SC(signedConfig));
    const temp = readVectorJson(...SC(tempDoc));
    const { hashData } = await computeHashData(eddsaRdfc2022, temp, { ...config, '@context': temp['@context'] }, vectorLoader);
    const seed = decodeSecretKeyMultibase(multi[pair].privateKeyMultibase);
    expect(encodeMultibaseBase58btc(ed25519Sign(hashData, privateKeyFromSeed(seed)))).toBe(proofValue);
    const chain = readVectorJson(
      ...SC(signedConfig === 'proofChainConfigSigned1.json' ? 'signedProofChain1.json' : 'signedProofChain2.json'),
    ) as JsonObject & { proof: DataIntegrityProof[] };
    const matching = chain.proof.filter((p) => ([] as unknown[]).concat(config.previousProof).includes(p.id));
    expect({ ...withoutProof(chain), proof: matching }).toEqual(temp);
  });

  it('rejects a previousProof that names no proof when adding', async () => {
    const set = readVectorJson(...SC('signedProofSet2.json'));
    const c3 = readVectorJson(...SC('proofChainConfig1.json'));
    await expect(
      addChainedProof(
        set,
        { ...rdfcSignerFrom(c3, multi.keyPair3.privateKeyMultibase), previousProof: 'urn:uuid:00000000-0000-0000-0000-000000000000' },
        { documentLoader: vectorLoader },
      ),
    ).rejects.toMatchObject({ code: 'PROOF_GENERATION_ERROR' });
  });

  it.each(['signedProofSet2.json', 'signedProofChain1.json', 'signedProofChain2.json'])('verifies every proof of %s', async (file) => {
    const r = await verifyWithVectors(readVectorJson(...SC(file)));
    expect(r.proofs.flatMap((p) => p.errors)).toEqual([]);
    expect(r.proofs.every((p) => p.verified)).toBe(true);
    expect(r.verified).toBe(true);
  });

  it('fails when a proof referenced by previousProof is dropped', async () => {
    const chain2 = readVectorJson(...SC('signedProofChain2.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const dropped = { ...chain2, proof: chain2.proof.filter((p) => p.id !== 'urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23') };
    const r = await verifyWithVectors(dropped);
    expect(r.verified).toBe(false);
    expect(r.proofs[2].errors.map((e) => e.code)).toEqual(['PREVIOUS_PROOF_NOT_FOUND']);
    expect(dataIntegrityErrorType(r.proofs[2].errors[0].code)).toBe('PROOF_VERIFICATION_ERROR');

    const chain1 = readVectorJson(...SC('signedProofChain1.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const droppedFirst = { ...chain1, proof: chain1.proof.slice(1) };
    const r1 = await verifyWithVectors(droppedFirst);
    expect(r1.verified).toBe(false);
    expect(r1.proofs[1].errors.map((e) => e.code)).toEqual(['PREVIOUS_PROOF_NOT_FOUND']);
  });

  it('fails a chained proof whose predecessor no longer verifies, even though its own signature does', async () => {
    const chain2 = readVectorJson(...SC('signedProofChain2.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const tampered = structuredClone(chain2);
    tampered.proof[0].created = '2024-01-01T00:00:00Z';
    const r = await verifyWithVectors(tampered);
    expect(r.verified).toBe(false);
    expect(r.proofs[0].errors[0].code).toBe('INVALID_SIGNATURE');
    // proof 3 covers proof 1 in full, so its signature breaks too; proof 4 covers only proof 3 and fails through the chain.
    expect(r.proofs[2].errors[0].code).toBe('INVALID_SIGNATURE');
    expect(r.proofs[3].errors.map((e) => e.code)).toEqual(['PREVIOUS_PROOF_NOT_VERIFIED']);
  });

  it('still verifies a proof set with a member removed: only a co-issuance policy catches that', async () => {
    const set = readVectorJson(...SC('signedProofSet2.json')) as JsonObject & { proof: DataIntegrityProof[] };
    const oneLeft = { ...set, proof: [set.proof[0]] };
    expect((await verifyWithVectors(oneLeft)).verified).toBe(true);
    const missing = 'did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E';
    const r = await verifyCredential(oneLeft, { resolveVerificationMethod, documentLoader: vectorLoader, requiredSigners: [missing] });
    expect(r.verified).toBe(false);
    expect(r.errors).toEqual([{ code: 'MISSING_REQUIRED_SIGNER', message: expect.stringContaining(missing) }]);
  });

  it('builds and verifies an eddsa-jcs-2022 chain (no published vectors exist), and breaks it by editing a covered proof', async () => {
    const unsignedDoc = readVectorJson(...SC('unsigned.json'));
    const keys = Object.values(multi).map((k) => k.privateKeyMultibase);
    const pub = (i: number) => `did:key:${keyPairFromSeed(decodeSecretKeyMultibase(keys[i])).publicKeyMultibase}`;
    const vm = (i: number) => `${pub(i)}#${pub(i).slice('did:key:'.length)}`;
    const set = await signCredential(
      unsignedDoc,
      [
        { verificationMethod: vm(0), privateKey: keys[0], cryptosuite: 'eddsa-jcs-2022', id: 'urn:uuid:p1' },
        { verificationMethod: vm(1), privateKey: keys[1], cryptosuite: 'eddsa-jcs-2022', id: 'urn:uuid:p2' },
      ],
      { documentLoader: vectorLoader },
    );
    const chain = await addChainedProof(
      set,
      { verificationMethod: vm(2), privateKey: keys[2], cryptosuite: 'eddsa-jcs-2022', previousProof: ['urn:uuid:p1', 'urn:uuid:p2'] },
      { documentLoader: vectorLoader },
    );
    expect((await verifyWithVectors(chain)).verified).toBe(true);
    const edited = structuredClone(chain);
    edited.proof[1].created = '2020-01-01T00:00:00Z';
    const r = await verifyWithVectors(edited);
    expect(r.proofs.map((p) => p.errors[0]?.code)).toEqual([undefined, 'INVALID_SIGNATURE', 'INVALID_SIGNATURE']);
  });
});
