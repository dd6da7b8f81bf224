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

export type VerificationEvent = CredentialVerified;
export const VERIFICATION_EVENT_TYPES = ['CredentialVerified'] as const;
