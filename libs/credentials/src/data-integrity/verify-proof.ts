import { isDeepStrictEqual } from 'node:util';
import type { VerificationMethod, VerificationMethodResolver } from '../did/controller-document';
import { decodeMultibaseBase58btc } from '../encoding/multibase';
import type { DocumentLoader } from '../jsonld/document-loader';
import { decodePublicKeyMultibase, ed25519Verify, publicKeyFromBytes } from '../keys/ed25519';
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

  const previous = proof.previousProof === undefined ? [] : typeof proof.previousProof === 'string' ? [proof.previousProof] : proof.previousProof;
  if (previous.length) result.previousProof = previous;
  const matching = matchingProofs(ctx.allProofs, proof.previousProof);
  if ('missing' in matching) return { ...result, errors: [problem('PREVIOUS_PROOF_NOT_FOUND', `previousProof ${matching.missing} matches no proof in the document`)] };

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
    if (!startsWith(inputDocument['@context'], proofOptions['@context'])) {
      return { ...result, errors: [problem('CONTEXT_MISMATCH', 'the document @context does not start with the proof @context, in the same order')] };
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
    return { ...result, errors: [problem('INVALID_SIGNATURE', `the signature does not verify with ${method.id} over the document and proof options`)] };
  }
  return { ...result, verified: true };
}

function checkStructure(proof: DataIntegrityProof, ctx: ProofCheckContext): VerificationProblem[] {
  const errors: VerificationProblem[] = [];
  for (const field of ['type', 'verificationMethod', 'proofPurpose', 'proofValue'] as const) {
    if (typeof proof[field] !== 'string') errors.push(problem('MALFORMED_PROOF_ERROR', `proof.${field} is missing or not a string`));
  }
  if (errors.length) return errors;
  if (proof.type !== 'DataIntegrityProof') errors.push(problem('UNSUPPORTED_CRYPTOSUITE', `proof type ${proof.type} is not DataIntegrityProof`));
  else if (!cryptosuiteOf(proof.cryptosuite)) errors.push(problem('UNSUPPORTED_CRYPTOSUITE', `cryptosuite ${String(proof.cryptosuite)} is not supported`));
  if (proof.proofPurpose !== ctx.expectedProofPurpose) {
    errors.push(problem('WRONG_PROOF_PURPOSE', `proofPurpose is ${proof.proofPurpose}, expected ${ctx.expectedProofPurpose}`));
  }
  if (!proof.proofValue.startsWith('z')) errors.push(problem('MALFORMED_PROOF_ERROR', 'proofValue must be base58btc multibase (start with z)'));
  else {
    try {
      if (decodeMultibaseBase58btc(proof.proofValue).length !== 64) errors.push(problem('MALFORMED_PROOF_ERROR', 'proofValue does not hold a 64-byte Ed25519 signature'));
    } catch (e) {
      errors.push(problem('MALFORMED_PROOF_ERROR', `proofValue: ${(e as Error).message}`));
    }
  }
  const prev = proof.previousProof;
  if (prev !== undefined && typeof prev !== 'string' && !(Array.isArray(prev) && prev.every((p) => typeof p === 'string'))) {
    errors.push(problem('MALFORMED_PROOF_ERROR', 'previousProof must be a string or a list of strings'));
  }
  if (typeof proof.expires === 'string' && Date.parse(proof.expires) <= ctx.now.getTime()) {
    errors.push(problem('PROOF_EXPIRED', `the proof expired at ${proof.expires}`));
  }
  return errors;
}

function checkMethod(method: VerificationMethod, proof: DataIntegrityProof, now: Date): VerificationProblem | undefined {
  if (method.id !== proof.verificationMethod) return problem('INVALID_VERIFICATION_METHOD', `the resolver returned ${method.id} for ${proof.verificationMethod}`);
  if (method.type !== 'Multikey' && method.type !== 'Ed25519VerificationKey2020') {
    return problem('INVALID_VERIFICATION_METHOD', `${method.id} has type ${method.type}, expected Multikey`);
  }
  try {
    decodePublicKeyMultibase(method.publicKeyMultibase);
  } catch (e) {
    return problem('INVALID_VERIFICATION_METHOD', `${method.id}: ${(e as Error).message}`);
  }
  // A key rotated out may still verify what it signed while it was registered, and nothing after.
  const at = typeof proof.created === 'string' ? Date.parse(proof.created) : now.getTime();
  if ((method.validFrom && at < Date.parse(method.validFrom)) || (method.validUntil && at >= Date.parse(method.validUntil))) {
    const window = `[${method.validFrom ?? '…'}, ${method.validUntil ?? '…'})`;
    return problem('KEY_NOT_VALID_AT_PROOF_TIME', `${method.id} was bound to ${method.controller} only during ${window}, the proof is from ${proof.created ?? 'now'}`);
  }
  return undefined;
}

function startsWith(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : documentContext === undefined ? [] : [documentContext];
  const prefix = Array.isArray(proofContext) ? proofContext : [proofContext];
  return prefix.length <= doc.length && prefix.every((c, i) => isDeepStrictEqual(c, doc[i]));
}
