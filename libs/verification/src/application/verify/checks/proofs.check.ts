import type { CredentialVerificationResult, JsonObject } from '@alliance/credentials';
import { check, type VerificationCheck } from '../../../domain/report/verification-check';

const PLAIN: Record<string, string> = {
  INVALID_SIGNATURE: 'the content was changed after it was signed, or the signature was not made with this key',
  CONTEXT_MISMATCH: 'the proof was made over different contexts than the credential carries',
  UNKNOWN_VERIFICATION_METHOD: 'the key it names is not known for its issuer',
  INVALID_VERIFICATION_METHOD: 'the key it names is not a usable Ed25519 key of its issuer',
  VERIFICATION_RELATIONSHIP_MISSING: 'the key it names is not one its issuer uses for issuing credentials',
  KEY_NOT_VALID_AT_PROOF_TIME: 'the key was not registered for its issuer when the proof was made',
  UNSUPPORTED_CRYPTOSUITE: 'it uses a cryptosuite this verifier does not support',
  MALFORMED_PROOF_ERROR: 'the proof is malformed',
  PROOF_EXPIRED: 'the proof has expired',
  PREVIOUS_PROOF_NOT_FOUND: 'a proof it builds on is missing',
  PREVIOUS_PROOF_NOT_VERIFIED: 'a proof it builds on does not verify',
  WRONG_PROOF_PURPOSE: 'it was not made for issuing credentials',
  CANONICALIZATION_ERROR: 'the credential could not be brought into canonical form (unknown vocabulary)',
};

/**
 * Every proof must verify (VC Data Integrity §4.5). A proof whose issuer's DID document could not be fetched
 * was not checked, which is not the same as failing. A proof set carrying the same proof twice, or two proofs by
 * one key, is flagged (`DUPLICATE_PROOF`): one signer must not pass for two.
 */
export function proofsCheck(
  result: CredentialVerificationResult,
  unreachable: Map<string, string>,
  documentProofs: readonly unknown[] = [],
): VerificationCheck {
  const verdict = proofsVerdict(result, unreachable);
  const duplicates = duplicateProofs(documentProofs);
  if (duplicates.length === 0) return verdict;
  const note = duplicates.map((d) => d.message).join('; ');
  if (verdict.outcome !== 'passed') return { ...verdict, problems: [...verdict.problems, ...duplicates] };
  return { ...verdict, outcome: 'warning', summary: `${verdict.summary.replace(/\.$/, '')}, but ${note}.`, problems: duplicates };
}

function duplicateProofs(proofs: readonly unknown[]): VerificationCheck['problems'] {
  const groups = (key: (p: JsonObject) => unknown) => {
    const by = new Map<string, number[]>();
    proofs.forEach((p, i) => {
      const value = p && typeof p === 'object' ? key(p as JsonObject) : undefined;
      if (typeof value === 'string' && value) by.set(value, [...(by.get(value) ?? []), i + 1]);
    });
    return [...by].filter(([, at]) => at.length > 1);
  };
  const sameSignature = groups((p) => p.proofValue);
  const reported = new Set(sameSignature.map(([, at]) => at.join(',')));
  return [
    ...sameSignature.map(([, at]) => ({ code: 'DUPLICATE_PROOF', message: `signatures ${at.join(', ')} are the same signature` })),
    // The same signature twice is also the same key twice: said once.
    ...groups((p) => p.verificationMethod)
      .filter(([, at]) => !reported.has(at.join(',')))
      .map(([vm, at]) => ({ code: 'DUPLICATE_PROOF', message: `signatures ${at.join(', ')} are all made with the key ${vm}` })),
  ];
}

function proofsVerdict(result: CredentialVerificationResult, unreachable: Map<string, string>): VerificationCheck {
  const proofs = result.proofs.map((p) => ({
    index: p.index,
    verificationMethod: p.verificationMethod,
    controller: p.controller,
    cryptosuite: p.cryptosuite,
    created: p.created,
    verified: p.verified,
    errors: p.errors,
  }));
  if (proofs.length === 0)
    return check('proofs', 'failed', 'It carries no signature at all.', [{ code: 'NO_PROOF', message: 'the document has no proof' }]);
  const failed = result.proofs.filter((p) => !p.verified);
  const notChecked = failed.filter((p) => {
    const did = p.verificationMethod?.split('#')[0];
    const keysUnreachable = did !== undefined && unreachable.has(did) && p.errors.every((e) => e.code === 'UNKNOWN_VERIFICATION_METHOD');
    return keysUnreachable || p.errors.every(isUnknownContext);
  });
  const broken = failed.filter((p) => !notChecked.includes(p));
  if (broken.length > 0) {
    const problems = broken.flatMap((p) =>
      p.errors.map((e) => ({
        code: e.code,
        message: `signature ${p.index + 1} (${p.verificationMethod ?? 'no key'}): ${PLAIN[e.code] ?? e.message}`,
      })),
    );
    return check('proofs', 'failed', `${broken.length} of ${proofs.length} signatures do not verify: ${problems[0]?.message}.`, problems, {
      proofs,
    });
  }
  if (notChecked.length > 0) {
    const problems = notChecked.map((p) => {
      if (p.errors.every(isUnknownContext))
        return {
          code: 'UNKNOWN_CONTEXT',
          message: `signature ${p.index + 1} covers a JSON-LD context this verifier does not hold (contexts are never fetched): ${p.errors[0].message}`,
        };
      const did = p.verificationMethod!.split('#')[0];
      return { code: 'DID_UNREACHABLE', message: `the keys of ${did} could not be fetched: ${unreachable.get(did)}` };
    });
    return check(
      'proofs',
      'could-not-check',
      `${notChecked.length} of ${proofs.length} signatures could not be checked: ${problems[0].message}.`,
      problems,
      { proofs },
    );
  }
  return check('proofs', 'passed', `All ${proofs.length} signature${proofs.length > 1 ? 's are' : ' is'} intact.`, [], { proofs });
}

// An rdfc proof over a context that is not bundled cannot be checked offline: unknown, not forged.
function isUnknownContext(e: { code: string; message: string }): boolean {
  return e.code === 'CANONICALIZATION_ERROR' && /is not bundled/.test(e.message);
}
