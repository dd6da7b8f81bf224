import type { EnrolmentView, SpecView } from '../../domain/knowledge';
import type { MemberStanding } from '../../domain/member-standing';

/** What assessment learnt from enrolment (enrolments) and the catalogue (definition versions, members' standing). */
export abstract class AssessmentKnowledge {
  /** The enrolments among these ids that are known, by id (one query for a whole cohort). */
  abstract enrolments(enrolmentIds: string[]): Promise<Map<string, EnrolmentView>>;
  /** Definition versions by `<credentialSpecId>@<version>`. */
  abstract specs(keys: { credentialSpecId: string; version: number }[]): Promise<Map<string, SpecView>>;
  /** The member's standing now; `unknown` when no membership fact about it arrived. */
  abstract memberStanding(institutionId: string): Promise<MemberStanding>;
}

export const specKey = (credentialSpecId: string, version: number): string => `${credentialSpecId}@${version}`;
