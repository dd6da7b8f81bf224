/** Why a member institution may not act now, in the words every context's refusal uses. */
export interface MemberRefusal {
  /** The last part of the refusing context's code: `<context>.member-suspended` or `<context>.member-removed`. */
  rule: 'member-suspended' | 'member-removed';
  message: string;
}

/**
 * The alliance's rule on a member's standing, the same in every context: a suspended member's staff read but do
 * not act until it is reinstated; a removed member no longer acts at all. Pending and active members (and ones a
 * context has not heard of) act as that context's other rules allow.
 */
export function memberMayNotAct(institutionId: string, status: string | undefined): MemberRefusal | undefined {
  if (status === 'suspended') {
    return {
      rule: 'member-suspended',
      message: `institution ${institutionId} is suspended from the alliance: its staff may read but not act until it is reinstated`,
    };
  }
  if (status === 'removed') {
    return { rule: 'member-removed', message: `institution ${institutionId} has been removed from the alliance: it can no longer act` };
  }
  return undefined;
}
