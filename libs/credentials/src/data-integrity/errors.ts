/**
 * Why a proof or a credential did not verify. The first four are the error types of VC Data Integrity
 * 1.0; the others narrow PROOF_VERIFICATION_ERROR down to something an operator can act on.
 */
export type VerificationErrorCode =
  | 'PARSING_ERROR'
  | 'PROOF_VERIFICATION_ERROR'
  | 'PROOF_GENERATION_ERROR'
  | 'MALFORMED_PROOF_ERROR'
  | 'INVALID_SIGNATURE'
  | 'UNSUPPORTED_CRYPTOSUITE'
  | 'WRONG_PROOF_PURPOSE'
  | 'UNKNOWN_VERIFICATION_METHOD'
  | 'INVALID_VERIFICATION_METHOD'
  | 'VERIFICATION_RELATIONSHIP_MISSING'
  | 'KEY_NOT_VALID_AT_PROOF_TIME'
  | 'CONTEXT_MISMATCH'
  | 'CANONICALIZATION_ERROR'
  | 'PREVIOUS_PROOF_NOT_FOUND'
  | 'PREVIOUS_PROOF_NOT_VERIFIED'
  | 'PROOF_EXPIRED'
  | 'PROOF_CREATED_IN_FUTURE'
  | 'MISSING_REQUIRED_SIGNER'
  | 'CREDENTIAL_NOT_YET_VALID'
  | 'CREDENTIAL_EXPIRED';

/** One reason, machine-readable code plus a sentence for people. */
export interface VerificationProblem {
  code: VerificationErrorCode;
  message: string;
}

/** Raised while adding a proof (bad options, unknown `previousProof`, unusable key). */
export class ProofGenerationError extends Error {
  override readonly name = 'ProofGenerationError';
  readonly code = 'PROOF_GENERATION_ERROR';
}

/** Raised by a verification method resolver; `code` says why the method cannot be used. */
export class VerificationMethodError extends Error {
  override readonly name = 'VerificationMethodError';
  constructor(
    readonly code: 'UNKNOWN_VERIFICATION_METHOD' | 'INVALID_VERIFICATION_METHOD' | 'VERIFICATION_RELATIONSHIP_MISSING',
    message: string,
  ) {
    super(message);
  }
}

/** The VC Data Integrity 1.0 error type a problem code belongs to, for problem-details responses. */
export function dataIntegrityErrorType(
  code: VerificationErrorCode,
): 'PARSING_ERROR' | 'PROOF_VERIFICATION_ERROR' | 'PROOF_GENERATION_ERROR' {
  if (code === 'PARSING_ERROR' || code === 'PROOF_GENERATION_ERROR') return code;
  return 'PROOF_VERIFICATION_ERROR';
}
