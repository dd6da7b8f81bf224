import { memberMayNotAct } from '@alliance/contracts';
import { AssessmentException } from './assessment.exception';

export type MemberStatus = 'pending' | 'active' | 'suspended' | 'removed';

/**
 * A member institution's standing as assessment learnt it from the catalogue's events. `unknown` when no
 * fact about it has arrived (a member registered before assessment listened for membership): today's rules.
 */
export interface MemberStanding {
  institutionId: string;
  status: MemberStatus | 'unknown';
}

/**
 * A suspended member's registrars read but publish and amend nothing until it is reinstated; a removed member
 * does nothing. Pending and active members act as the other rules allow.
 */
export function requireMemberMayAct(member: MemberStanding): void {
  const refusal = memberMayNotAct(member.institutionId, member.status);
  if (refusal) throw new AssessmentException(`assessment.${refusal.rule}`, refusal.message);
}
