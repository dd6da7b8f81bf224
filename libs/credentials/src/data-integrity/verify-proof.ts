import type { VerificationMethod, VerificationMethodResolver } from '../did/controller-document';
import { decodeMultibaseBase58btc } from '../encoding/multibase';
import type { DocumentLoader } from '../jsonld/document-loader';
import { decodePublicKeyMultibase, ed25519Verify, publicKeyFromBytes } from '../keys/ed25519';
import { checkMethod, checkStructure, contextStartsWith } from './proof-checks';
import { type CanonicalDocumentCache, computeHashData, cryptosuiteOf } from './cryptosuite';
import { VerificationMethodError, type VerificationProblem } from './errors';
import { matchingProofs, withoutProof } from './sign';
import type { DataIntegrityProof, JsonObject } from './types';

/** The outcome for one member of `proof`. */
export interface ProofVerificationResult {
  /** Position in the document's `proof` list. */
  index: number;
  id?: string;
  cryptosuite?: string;
  verificationMethod?: string;
  /** Controller of the resolved verification method (the DID of the institution that signed). */
  controller?: string;
  created?: string;
  previousProof?: string[];
  verified: boolean;
  errors: VerificationProblem[];
}

/** Context shared by the proofs of one document. */
export interface ProofCheckContext {
  document: JsonObject;
  allProofs: readonly DataIntegrityProof[];
  resolveVerificationMethod: VerificationMethodResolver;
  expectedProofPurpose: string;
  now: Date;
  loader: DocumentLoader;
  cache: CanonicalDocumentCache;
}

const problem = (code: VerificationProblem['code'], message: string): VerificationProblem => ({ code, message });

/**
 * Steps 4 to 8 of VC Data Integrity 1.0 §4.4 for one proof, over the input document §4.5 prescribes (the
 * document with `proof` set to the proofs this one chains to, or without `proof`). Never throws: every
 * failure becomes a problem in the result.
 */
export async function verifyOneProof(proof: DataIntegrityProof, index: number, ctx: ProofCheckContext): Promise<ProofVerificationResult> {
  const result: ProofVerificationResult = { index, verified: false, errors: [] };
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) {
    result.errors.push(problem('MALFORMED_PROOF_ERROR', 'proof is not an object'));
    return result;
  }
  Object.assign(result, {
    ...(typeof proof.id === 'string' ? { id: proof.id } : {}),
    ...(typeof proof.cryptosuite === 'string' ? { cryptosuite: proof.cryptosuite } : {}),
    ...(typeof proof.verificationMethod === 'string' ? { verificationMethod: proof.verificationMethod } : {}),
    ...(typeof proof.created === 'string' ? { created: proof.created } : {}),
  });
  const structural = checkStructure(proof, ctx);
  if (structural.length) return { ...result, errors: structural };

  const previous =
    proof.previousProof === undefined ? [] : typeof proof.previousProof === 'string' ? [proof.previousProof] : proof.previousProof;
  if (previous.length) result.previousProof = previous;
  const matching = matchingProofs(ctx.allProofs, proof.previousProof);
  if ('missing' in matching)
    return {
      ...result,
      errors: [problem('PREVIOUS_PROOF_NOT_FOUND', `previousProof ${matching.missing} matches no proof in the document`)],
    };

  let method: VerificationMethod;
  try {
    method = await ctx.resolveVerificationMethod(proof.verificationMethod, { proofPurpose: proof.proofPurpose });
  } catch (e) {
    const code = e instanceof VerificationMethodError ? e.code : 'UNKNOWN_VERIFICATION_METHOD';
    return { ...result, errors: [problem(code, `verification method ${proof.verificationMethod}: ${(e as Error).message}`)] };
  }
  result.controller = method.controller;
  const keyProblem = checkMethod(method, proof, ctx.now);
  if (keyProblem) return { ...result, errors: [keyProblem] };

  const inputDocument: JsonObject = withoutProof(ctx.document);
  if (matching.proofs.length) inputDocument.proof = matching.proofs;
  const proofOptions: JsonObject = { ...proof };
  delete proofOptions.proofValue;
  if (proofOptions['@context'] !== undefined) {
    if (!contextStartsWith(inputDocument['@context'], proofOptions['@context'])) {
      return {
        ...result,
        errors: [problem('CONTEXT_MISMATCH', 'the document @context does not start with the proof @context, in the same order')],
      };
    }
    inputDocument['@context'] = proofOptions['@context'];
  }
  const suite = cryptosuiteOf(proof.cryptosuite)!;
  const proofConfig: JsonObject = { ...proofOptions };
  if (!suite.proofCarriesContext && inputDocument['@context'] !== undefined) proofConfig['@context'] = inputDocument['@context'];

  let hashData: Uint8Array;
  try {
    ({ hashData } = await computeHashData(suite, inputDocument, proofConfig, ctx.loader, ctx.cache));
  } catch (e) {
    const code = (e as { code?: string }).code === 'PROOF_GENERATION_ERROR' ? 'PROOF_VERIFICATION_ERROR' : 'CANONICALIZATION_ERROR';
    return { ...result, errors: [problem(code, (e as Error).message)] };
  }
  const signature = decodeMultibaseBase58btc(proof.proofValue);
  const key = publicKeyFromBytes(decodePublicKeyMultibase(method.publicKeyMultibase));
  if (!ed25519Verify(hashData, signature, key)) {
    return {
      ...result,
      errors: [problem('INVALID_SIGNATURE', `the signature does not verify with ${method.id} over the document and proof options`)],
    };
  }
  return { ...result, verified: true };
}
