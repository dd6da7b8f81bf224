import { IssuanceException } from '../issuance.exception';
import type { MembershipStatus } from './institution-snapshot';

/** A member's standing as issuance learnt it from the catalogue; `not-registered` when it never heard of it. */
export type MemberStanding = MembershipStatus | 'not-registered';

/** Standings that stop a member from acting and hold what waits for it. */
export const OUT_OF_GOOD_STANDING: ReadonlySet<MemberStanding> = new Set(['suspended', 'removed']);

/**
 * A suspended member's staff read but do not act (no signing policy, keys, proofs, status changes) until it is
 * reinstated; a removed member does nothing. Pending and active members act as the other rules allow.
 */
export function requireMemberMayAct(institutionId: string, standing: MemberStanding | undefined): void {
  if (standing === 'suspended') {
    throw new IssuanceException(
      'issuance.member-suspended',
      `institution ${institutionId} is suspended from the alliance: its staff may read but not act until it is reinstated`,
    );
  }
  if (standing === 'removed') {
    throw new IssuanceException(
      'issuance.member-removed',
      `institution ${institutionId} has been removed from the alliance: it can no longer act`,
    );
  }
}
