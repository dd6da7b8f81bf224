/** The checks a verification report lists, in the order a reader meets them. */
export const CHECK_IDS = [
  'parse',
  'schema',
  'proofs',
  'co-issuance',
  'registry-keys',
  'did-documents',
  'status',
  'validity-period',
  'annex-i',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * passed: the check ran and the credential met it. failed: it ran and the credential did not (a forgery,
 * tampering, a revoked or expired credential). warning: nothing wrong was found but something a reader
 * should know. not-applicable: the check's policy does not apply (an issuer outside the alliance).
 * could-not-check: the check could not be run (a status list that could not be read); never read as "fine".
 */
export type CheckOutcome = 'passed' | 'failed' | 'warning' | 'not-applicable' | 'could-not-check';

export interface VerificationCheck {
  id: CheckId;
  outcome: CheckOutcome;
  /** One plain sentence an employer can read. */
  summary: string;
  /** Machine-readable reasons (error codes of the standards where they exist). */
  problems: { code: string; message: string }[];
  details?: Record<string, unknown>;
}

export function check(
  id: CheckId,
  outcome: CheckOutcome,
  summary: string,
  problems: VerificationCheck['problems'] = [],
  details?: Record<string, unknown>,
): VerificationCheck {
  return { id, outcome, summary, problems, ...(details ? { details } : {}) };
}
