import type { Verdict } from '../report/verdict';

/**
 * A credential was checked. Nothing about who asked (verification is public and anonymous) and nothing of
 * the credential's content beyond its id: what audit and statistics need, no personal data.
 */
export interface CredentialVerified {
  type: 'CredentialVerified';
  data: {
    verificationId: string;
    /** Set when the credential is one this platform issued. */
    credentialId?: string;
    verdict: Verdict;
    /** A code per failed check, e.g. `invalid-signature`, `missing-required-signer`, `revoked`. */
    failedChecks: string[];
    /** Checks that could not be run, e.g. `status`. */
    uncheckedChecks: string[];
    checkedAt: string;
  };
}

/**
 * Checks not recorded one by one (see VerificationTally), counted: one event per flush, with a count per
 * day, verdict and (for credentials issued here) credential. Its stream is the tally's own, never published.
 */
export interface VerificationsCounted {
  type: 'VerificationsCounted';
  data: {
    /** First and last check counted (ISO 8601). */
    from: string;
    to: string;
    counts: { day: string; verdict: Verdict; credentialId?: string; count: number }[];
  };
}

export type VerificationEvent = CredentialVerified;
export const VERIFICATION_EVENT_TYPES = ['CredentialVerified', 'VerificationsCounted'] as const;
