import type { VerificationCheck } from './verification-check';

/**
 * valid: every check that applies passed. invalid: at least one failed. indeterminate: none failed, but one
 * could not be run, so the credential cannot be called valid (an unreadable status list is not "not revoked").
 */
export type Verdict = 'valid' | 'invalid' | 'indeterminate';

export interface VerdictSummary {
  verdict: Verdict;
  /** For an invalid credential: the first failed check and why, in plain words. */
  failure?: { check: string; reason: string; code?: string };
  warnings: string[];
  uncheckable: string[];
}

export function verdictOf(checks: readonly VerificationCheck[]): VerdictSummary {
  const failed = checks.find((c) => c.outcome === 'failed');
  const warnings = checks.filter((c) => c.outcome === 'warning' || c.outcome === 'not-applicable').map((c) => `${c.id}: ${c.summary}`);
  const uncheckable = checks.filter((c) => c.outcome === 'could-not-check').map((c) => `${c.id}: ${c.summary}`);
  if (failed) {
    const first = failed.problems[0];
    return { verdict: 'invalid', failure: { check: failed.id, reason: first?.message ?? failed.summary, ...(first ? { code: first.code } : {}) }, warnings, uncheckable };
  }
  return { verdict: uncheckable.length > 0 ? 'indeterminate' : 'valid', warnings, uncheckable };
}
