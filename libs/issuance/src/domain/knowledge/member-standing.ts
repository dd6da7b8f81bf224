import { memberMayNotAct } from '@alliance/contracts';
import { IssuanceException } from '../issuance.exception';
import type { MembershipStatus } from './institution-snapshot';

/** A member's standing as issuance learnt it from the catalogue; `not-registered` when it never heard of it. */
export type MemberStanding = MembershipStatus | 'not-registered';

/** Standings that stop a member from acting and hold what waits for it. */
export const OUT_OF_GOOD_STANDING: ReadonlySet<MemberStanding> = new Set(['suspended', 'removed']);

/**
 * The alliance's standing rule (`memberMayNotAct`) as issuance refuses: a suspended member's staff set no signing
 * policy, keys, proofs or status changes until it is reinstated; a removed member does nothing.
 */
export function requireMemberMayAct(institutionId: string, standing: MemberStanding | undefined): void {
  const refusal = memberMayNotAct(institutionId, standing);
  if (refusal) throw new IssuanceException(`issuance.${refusal.rule}`, refusal.message);
}
