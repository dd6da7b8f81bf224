import type { VerificationCheck } from './verification-check';

/**
 * valid: every proof intact, the issuer and every awarding body are alliance members whose registry keys were
 * valid when the credential took effect, and its status (if it has one) was checked and is good. The only
 * verdict shown green.
 * invalid: at least one check failed (a forgery, tampering, an impersonation, a revoked or expired credential).
 * indeterminate: nothing failed, but something could not be checked (an unreadable status list is not "not
 * revoked"), so the credential cannot be called valid.
 * unverified-issuer: nothing failed and everything was checked, but the issuer or an awarding body is not in the
 * alliance registry: the signatures are intact, yet nothing vouches for who made them. Shown amber, never green.
 */
export type Verdict = 'valid' | 'invalid' | 'indeterminate' | 'unverified-issuer';

export const VERDICTS: readonly Verdict[] = ['valid', 'invalid', 'indeterminate', 'unverified-issuer'];

/** Code of a registry-keys problem: an awarding body the alliance registry does not know. */
export const NOT_IN_REGISTRY = 'ISSUER_NOT_IN_REGISTRY';
/** Code of a registry-keys failure: a body claims a member's identity without being that member's DID. */
export const IMPERSONATION = 'IMPERSONATION';

export interface VerdictSummary {
  verdict: Verdict;
  /** For an invalid credential: the failed check and why, in plain words (an impersonation is named first). */
  failure?: { check: string; reason: string; code?: string };
  /** For an unverified-issuer credential: the awarding bodies the alliance registry does not know. */
  outsideRegistry?: string[];
  warnings: string[];
  uncheckable: string[];
}

export function verdictOf(checks: readonly VerificationCheck[]): VerdictSummary {
  const impersonation = checks.find((c) => c.outcome === 'failed' && c.problems.some((p) => p.code === IMPERSONATION));
  const failed = impersonation ?? checks.find((c) => c.outcome === 'failed');
  const warnings = checks.filter((c) => c.outcome === 'warning' || c.outcome === 'not-applicable').map((c) => `${c.id}: ${c.summary}`);
  const uncheckable = checks.filter((c) => c.outcome === 'could-not-check').map((c) => `${c.id}: ${c.summary}`);
  if (failed) {
    const first = failed.problems.find((p) => p.code === IMPERSONATION) ?? failed.problems[0];
    return {
      verdict: 'invalid',
      failure: { check: failed.id, reason: first?.message ?? failed.summary, ...(first ? { code: first.code } : {}) },
      warnings,
      uncheckable,
    };
  }
  if (uncheckable.length > 0) return { verdict: 'indeterminate', warnings, uncheckable };
  const outside = outsideRegistry(checks);
  if (outside) return { verdict: 'unverified-issuer', outsideRegistry: outside, warnings, uncheckable };
  return { verdict: 'valid', warnings, uncheckable };
}

/**
 * The awarding bodies outside the alliance registry, from the registry-keys check; undefined when every one is a
 * member. A report without that check (nothing to bind to the registry) cannot be vouched for either.
 */
function outsideRegistry(checks: readonly VerificationCheck[]): string[] | undefined {
  const registry = checks.find((c) => c.id === 'registry-keys');
  if (!registry) return [];
  const outside = registry.problems.filter((p) => p.code === NOT_IN_REGISTRY).map((p) => p.message);
  if (outside.length > 0) return outside;
  return registry.outcome === 'not-applicable' ? [registry.summary] : undefined;
}
