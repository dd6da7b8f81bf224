import { createHash } from 'node:crypto';
import { encodeMultibaseBase58btc } from '../encoding/multibase';
import { decodeSecretKeyMultibase, ed25519Sign, privateKeyFromSeed } from '../keys/ed25519';
import { readVectorJson, readVectorText, TV, vectorLoader, verifyWithVectors } from '../__tests__/vectors';
import { computeHashData } from './cryptosuite';
import { eddsaJcs2022 } from './eddsa-jcs-2022';
import { signCredential } from './sign';
import type { JsonObject } from './types';

const JCS = (file: string) => TV('eddsa-jcs-2022', file);
const unsigned = readVectorJson(...TV('unsigned.json'));
const keyPair = readVectorJson<{ privateKeyMultibase: string }>(...TV('keyPair.json'));
const signed = readVectorJson(...JCS('signedJCS.json'));

function proofConfigWithoutContext(): JsonObject {
  const config = readVectorJson(...JCS('proofConfigJCS.json'));
  delete config['@context'];
  return config;
}

describe('eddsa-jcs-2022 known-answer signing (W3C vc-di-eddsa vectors)', () => {
  it('reproduces the canonical document, canonical proof configuration and combined hash byte for byte', async () => {
    const config = { ...proofConfigWithoutContext(), '@context': unsigned['@context'] };
    const r = await computeHashData(eddsaJcs2022, unsigned, config, vectorLoader);
    expect(r.canonicalDocument).toBe(readVectorText(...JCS('canonDocJCS.txt')));
    expect(r.canonicalProofConfig).toBe(readVectorText(...JCS('proofCanonJCS.txt')));
    expect(Buffer.from(r.hashData).toString('hex')).toBe(readVectorText(...JCS('combinedHashJCS.txt')).trim());
    expect(createHash('sha256').update(r.canonicalDocument).digest('hex')).toBe(readVectorText(...JCS('docHashJCS.txt')).trim());
    const sig = ed25519Sign(r.hashData, privateKeyFromSeed(decodeSecretKeyMultibase(keyPair.privateKeyMultibase)));
    expect(Buffer.from(sig).toString('hex')).toBe(readVectorText(...JCS('sigHexJCS.txt')).trim());
  });

  it('signs unsigned.json into exactly signedJCS.json when key and created are injected; the suite adds proof.@context', async () => {
    const config = proofConfigWithoutContext();
    const out = await signCredential(
      unsigned,
      [
        {
          verificationMethod: config.verificationMethod as string,
          privateKey: keyPair.privateKeyMultibase,
          cryptosuite: 'eddsa-jcs-2022',
          created: config.created as string,
        },
      ],
      { documentLoader: vectorLoader },
    );
    expect(out.proof).toHaveLength(1);
    expect(out.proof[0].proofValue).toBe(readVectorText(...JCS('sigBTC58JCS.txt')).trim());
    expect(out.proof[0]).toEqual((signed as { proof: JsonObject }).proof);
    expect(JSON.stringify(out.proof[0])).toBe(JSON.stringify((signed as { proof: JsonObject }).proof));
  });
});

describe('eddsa-jcs-2022 verification', () => {
  it('verifies signedJCS.json', async () => {
    const r = await verifyWithVectors(signed);
    expect(r.errors).toEqual([]);
    expect(r.proofs[0].errors).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.signers).toEqual(['did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2']);
  });

  const mutate = (fn: (doc: JsonObject & { proof: JsonObject }) => void): JsonObject => {
    const doc = structuredClone(signed) as JsonObject & { proof: JsonObject };
    fn(doc);
    return doc;
  };

  it.each<[string, (doc: JsonObject & { proof: JsonObject }) => void, string]>([
    ['a credential field changed', (d) => ((d.credentialSubject as JsonObject).alumniOf = 'Another School'), 'INVALID_SIGNATURE'],
    ['proof.created changed', (d) => (d.proof.created = '2023-02-24T23:36:39Z'), 'INVALID_SIGNATURE'],
    ['proof.@context removed (the signature covers it)', (d) => delete d.proof['@context'], 'INVALID_SIGNATURE'],
    [
      'proof.@context reordered so it is no longer a prefix of the document @context',
      (d) => (d.proof['@context'] as string[]).reverse(),
      'CONTEXT_MISMATCH',
    ],
    ['cryptosuite changed to eddsa-rdfc-2022', (d) => (d.proof.cryptosuite = 'eddsa-rdfc-2022'), 'INVALID_SIGNATURE'],
    [
      'proofValue not base58btc multibase',
      (d) => (d.proof.proofValue = 'u' + (d.proof.proofValue as string).slice(1)),
      'MALFORMED_PROOF_ERROR',
    ],
    ['proofPurpose changed', (d) => (d.proof.proofPurpose = 'authentication'), 'WRONG_PROOF_PURPOSE'],
  ])('fails when %s', async (_label, fn, code) => {
    const r = await verifyWithVectors(mutate(fn));
    expect(r.verified).toBe(false);
    expect(r.proofs[0].errors.map((e) => e.code)).toContain(code);
  });

  it('fails when the hash halves are swapped (document hash first)', async () => {
    const config = { ...proofConfigWithoutContext(), '@context': unsigned['@context'] };
    const { hashData } = await computeHashData(eddsaJcs2022, unsigned, config, vectorLoader);
    const swapped = Buffer.concat([hashData.subarray(32), hashData.subarray(0, 32)]);
    const key = privateKeyFromSeed(decodeSecretKeyMultibase(keyPair.privateKeyMultibase));
    const wrongOrder = mutate((d) => (d.proof.proofValue = encodeMultibaseBase58btc(ed25519Sign(swapped, key))));
    expect(wrongOrder.proof).not.toEqual((signed as { proof: JsonObject }).proof);
    const r = await verifyWithVectors(wrongOrder);
    expect(r.verified).toBe(false);
    expect(r.proofs[0].errors.map((e) => e.code)).toEqual(['INVALID_SIGNATURE']);
  });

  it('reports an unresolvable verification method', async () => {
    const r = await verifyWithVectors(mutate((d) => (d.proof.verificationMethod = 'did:web:unknown.example#key-1')));
    expect(r.verified).toBe(false);
    expect(r.proofs[0].errors[0].code).toBe('UNKNOWN_VERIFICATION_METHOD');
  });
});
