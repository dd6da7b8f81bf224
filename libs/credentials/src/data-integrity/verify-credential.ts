import type { VerificationMethodResolver } from '../did/controller-document';
import { defaultDocumentLoader, type DocumentLoader } from '../jsonld/document-loader';
import type { VerificationProblem } from './errors';
import { proofsOf, withoutProof } from './sign';
import type { JsonObject } from './types';
import { type ProofVerificationResult, verifyOneProof } from './verify-proof';

/** Options of {@link verifyCredential}. */
export interface VerifyCredentialOptions {
  /** Turns a verification method URL into a key bound to its controller (see `createVerificationMethodResolver`). */
  resolveVerificationMethod: VerificationMethodResolver;
  /**
   * Controllers (institution DIDs) each of which must have at least one verified proof: the co-issuance
   * policy. Data Integrity alone cannot catch a proof removed from a set.
   */
  requiredSigners?: readonly string[];
  /** Defaults to `assertionMethod`. */
  expectedProofPurpose?: string;
  /** The instant to judge validity periods and proof expiry at; defaults to now. */
  now?: Date | string;
  /** Whether `validFrom`/`validUntil` of the credential take part in the verdict (default true). */
  checkValidityPeriod?: boolean;
  documentLoader?: DocumentLoader;
}

/** Per-proof results and the overall verdict. */
export interface CredentialVerificationResult {
  /** True only if there is a proof, every proof verified, every required signer signed and the credential is within its validity period. */
  verified: boolean;
  proofs: ProofVerificationResult[];
  /** Problems of the document as a whole (no proof, a missing co-issuer, validity period). */
  errors: VerificationProblem[];
  /** Controllers with at least one verified proof. */
  signers: string[];
  /** The document without `proof` when verified, else null. */
  verifiedDocument: JsonObject | null;
}

/**
 * Verifies every proof of a secured document as VC Data Integrity 1.0 §4.5 prescribes: each proof over the
 * document with `proof` set to the proofs it chains to (or without `proof` for a set member); a chained
 * proof counts only if the proofs it names verify too; the document verifies only if all of them do.
 * Then applies the co-issuance policy and the credential's validity period.
 */
export async function verifyCredential(document: JsonObject, options: VerifyCredentialOptions): Promise<CredentialVerificationResult> {
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const errors: VerificationProblem[] = [];
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    return {
      verified: false,
      proofs: [],
      errors: [{ code: 'PARSING_ERROR', message: 'the secured document is not a JSON object' }],
      signers: [],
      verifiedDocument: null,
    };
  }
  const allProofs = proofsOf(document);
  if (allProofs.length === 0) errors.push({ code: 'PARSING_ERROR', message: 'the document has no proof' });

  const ctx = {
    document,
    allProofs,
    resolveVerificationMethod: options.resolveVerificationMethod,
    expectedProofPurpose: options.expectedProofPurpose ?? 'assertionMethod',
    now,
    loader: options.documentLoader ?? defaultDocumentLoader(),
    cache: new Map<string, Promise<string>>(),
  };
  const proofs = await Promise.all(allProofs.map((p, i) => verifyOneProof(p, i, ctx)));
  propagateChains(proofs);

  const signers = [...new Set(proofs.filter((p) => p.verified && p.controller).map((p) => p.controller as string))];
  for (const required of options.requiredSigners ?? []) {
    if (!signers.includes(required))
      errors.push({ code: 'MISSING_REQUIRED_SIGNER', message: `no verified proof by required co-issuer ${required}` });
  }
  if (options.checkValidityPeriod ?? true) errors.push(...validityProblems(document, now));

  const verified = allProofs.length > 0 && proofs.every((p) => p.verified) && errors.length === 0;
  return { verified, proofs, errors, signers, verifiedDocument: verified ? withoutProof(document) : null };
}

// A chained proof verifies only if everything it names verifies, transitively; a cycle never does.
function propagateChains(results: ProofVerificationResult[]): void {
  const byId = new Map(results.filter((r) => r.id).map((r) => [r.id as string, r]));
  const settled = new Map<ProofVerificationResult, boolean>();
  const visit = (r: ProofVerificationResult, path: Set<ProofVerificationResult>): boolean => {
    const known = settled.get(r);
    if (known !== undefined) return known;
    if (path.has(r)) return false;
    path.add(r);
    let ok = r.verified;
    for (const id of r.previousProof ?? []) {
      const previous = byId.get(id);
      if (!previous || !visit(previous, path)) {
        if (r.verified) r.errors.push({ code: 'PREVIOUS_PROOF_NOT_VERIFIED', message: `previous proof ${id} does not verify` });
        ok = false;
      }
    }
    path.delete(r);
    r.verified = ok;
    settled.set(r, ok);
    return ok;
  };
  for (const r of results) visit(r, new Set());
}

function validityProblems(document: JsonObject, now: Date): VerificationProblem[] {
  const out: VerificationProblem[] = [];
  const { validFrom, validUntil } = document;
  if (typeof validFrom === 'string' && Date.parse(validFrom) > now.getTime()) {
    out.push({ code: 'CREDENTIAL_NOT_YET_VALID', message: `the credential is valid from ${validFrom}` });
  }
  if (typeof validUntil === 'string' && Date.parse(validUntil) <= now.getTime()) {
    out.push({ code: 'CREDENTIAL_EXPIRED', message: `the credential expired at ${validUntil}` });
  }
  return out;
}
