import { isDeepStrictEqual } from 'node:util';
import type { VerificationMethod } from '../did/controller-document';
import { decodeMultibaseBase58btc } from '../encoding/multibase';
import { decodePublicKeyMultibase } from '../keys/ed25519';
import { cryptosuiteOf } from './cryptosuite';
import type { VerificationProblem } from './errors';
import type { DataIntegrityProof } from './types';

const problem = (code: VerificationProblem['code'], message: string): VerificationProblem => ({ code, message });

/** Checks a proof's shape, suite, purpose, encoding and expiry before any key is looked up. */
export function checkStructure(proof: DataIntegrityProof, ctx: { expectedProofPurpose: string; now: Date }): VerificationProblem[] {
  const errors: VerificationProblem[] = [];
  for (const field of ['type', 'verificationMethod', 'proofPurpose', 'proofValue'] as const) {
    if (typeof proof[field] !== 'string') errors.push(problem('MALFORMED_PROOF_ERROR', `proof.${field} is missing or not a string`));
  }
  if (errors.length) return errors;
  if (proof.type !== 'DataIntegrityProof')
    errors.push(problem('UNSUPPORTED_CRYPTOSUITE', `proof type ${proof.type} is not DataIntegrityProof`));
  else if (!cryptosuiteOf(proof.cryptosuite))
    errors.push(problem('UNSUPPORTED_CRYPTOSUITE', `cryptosuite ${String(proof.cryptosuite)} is not supported`));
  if (proof.proofPurpose !== ctx.expectedProofPurpose) {
    errors.push(problem('WRONG_PROOF_PURPOSE', `proofPurpose is ${proof.proofPurpose}, expected ${ctx.expectedProofPurpose}`));
  }
  if (!proof.proofValue.startsWith('z'))
    errors.push(problem('MALFORMED_PROOF_ERROR', 'proofValue must be base58btc multibase (start with z)'));
  else {
    try {
      if (decodeMultibaseBase58btc(proof.proofValue).length !== 64)
        errors.push(problem('MALFORMED_PROOF_ERROR', 'proofValue does not hold a 64-byte Ed25519 signature'));
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

/** Checks that a resolved method is the one asked for, is an Ed25519 Multikey, and covered the proof time. */
export function checkMethod(method: VerificationMethod, proof: DataIntegrityProof, now: Date): VerificationProblem | undefined {
  if (method.id !== proof.verificationMethod)
    return problem('INVALID_VERIFICATION_METHOD', `the resolver returned ${method.id} for ${proof.verificationMethod}`);
  // A DID URL names its controller; a resolver must not attribute it to anyone else.
  if (method.id.startsWith('did:') && method.id.split('#')[0] !== method.controller) {
    return problem('INVALID_VERIFICATION_METHOD', `${method.id} is attributed to ${method.controller}, not to the DID it belongs to`);
  }
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
    return problem(
      'KEY_NOT_VALID_AT_PROOF_TIME',
      `${method.id} was bound to ${method.controller} only during ${window}, the proof is from ${proof.created ?? 'now'}`,
    );
  }
  return undefined;
}

/** Whether the document @context begins with the proof @context, element by element, in order. */
export function contextStartsWith(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : documentContext === undefined ? [] : [documentContext];
  const prefix = Array.isArray(proofContext) ? proofContext : [proofContext];
  return prefix.length <= doc.length && prefix.every((c, i) => isDeepStrictEqual(c, doc[i]));
}
