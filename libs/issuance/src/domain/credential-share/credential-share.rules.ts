import { violation, type Violation } from '../issuance.exception';
import type { ShareCredential } from './credential-share.commands';
import type { CredentialShare } from './credential-share.state';

/** A link lives one day to a year; thirty days unless the learner chooses. */
export const SHARE_LIFETIME_DAYS = { min: 1, max: 365, default: 30 } as const;

/**
 * Links made per credential, withdrawn and expired ones included: the credential's share stream cannot grow
 * without bound, and a learner who needs more has made far more links than anyone reads.
 */
export const MAX_SHARES_PER_CREDENTIAL = 100;

/** Only an issued credential is shared: one still collecting proofs is not signed yet. */
export const SHAREABLE_LIFECYCLES: readonly string[] = ['issued'];

/** Where a link stands at `now`. */
export type ShareStanding = 'active' | 'expired' | 'revoked';

export function shareStanding(share: CredentialShare, now: Date): ShareStanding {
  if (share.revokedAt) return 'revoked';
  return now.getTime() >= Date.parse(share.expiresAt) ? 'expired' : 'active';
}

/** What is wrong with a link's choices, each naming its field (empty when none). */
export function shareViolations(command: ShareCredential): Violation[] {
  const days = command.expiresInDays;
  if (Number.isInteger(days) && days >= SHARE_LIFETIME_DAYS.min && days <= SHARE_LIFETIME_DAYS.max) return [];
  return [
    violation(
      'expiresInDays',
      'credential-share.lifetime-out-of-range',
      `a link lives ${SHARE_LIFETIME_DAYS.min} to ${SHARE_LIFETIME_DAYS.max} days`,
    ),
  ];
}
