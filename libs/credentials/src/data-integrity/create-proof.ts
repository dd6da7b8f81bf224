import type { KeyObject } from 'node:crypto';
import { encodeMultibaseBase58btc } from '../encoding/multibase';
import type { DocumentLoader } from '../jsonld/document-loader';
import { ed25519Sign } from '../keys/ed25519';
import { type CanonicalDocumentCache, type Cryptosuite, computeHashData } from './cryptosuite';
import { ProofGenerationError } from './errors';
import type { DataIntegrityProof, JsonObject, ProofOptions } from './types';

/**
 * Create Proof of the EdDSA suites (vc-di-eddsa 1.0 §3.2.1 / §3.3.1) over `document`, which must already
 * be the input document: no `proof`, or `proof` set to the earlier proofs a chained proof covers.
 */
export async function createProof(
  suite: Cryptosuite,
  document: JsonObject,
  options: ProofOptions,
  privateKey: KeyObject | ((data: Uint8Array) => Promise<Uint8Array> | Uint8Array),
  loader: DocumentLoader,
  cache?: CanonicalDocumentCache,
): Promise<DataIntegrityProof> {
  const proofConfig: JsonObject = { ...options };
  delete proofConfig.proofValue;
  if (document['@context'] !== undefined) proofConfig['@context'] = document['@context'];
  const { hashData } = await computeHashData(suite, document, proofConfig, loader, cache);
  const signature = typeof privateKey === 'function' ? await privateKey(hashData) : ed25519Sign(hashData, privateKey);
  if (signature.length !== 64) throw new ProofGenerationError(`the signer returned ${signature.length} bytes; an Ed25519 signature is 64`);
  const proofValue = encodeMultibaseBase58btc(signature);
  const base: JsonObject = suite.proofCarriesContext ? proofConfig : { ...options };
  delete base.proofValue;
  return { ...base, proofValue } as DataIntegrityProof;
}
