import { memberMayNotAct } from '@alliance/contracts';
import { EnrolmentException } from './enrolment.exception';

export type MemberStatus = 'pending' | 'active' | 'suspended' | 'removed';

/**
 * A member institution's standing as enrolment learnt it from the catalogue's events. `unknown` when no fact
 * about it has arrived (a member registered before enrolment listened for membership): it keeps today's rules.
 */
export interface MemberStanding {
  institutionId: string;
  status: MemberStatus | 'unknown';
}

/**
 * A suspended member's staff read but do not act (no enrolments, withdrawals, transfers or erasures) until it
 * is reinstated; a removed member does nothing. Pending and active members act as the other rules allow.
 */
export function requireMemberMayAct(member: MemberStanding | undefined): void {
  if (!member) return;
  const refusal = memberMayNotAct(member.institutionId, member.status);
  if (refusal) throw new EnrolmentException(`enrolment.${refusal.rule}`, refusal.message);
}
