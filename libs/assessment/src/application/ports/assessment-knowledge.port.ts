import type { EnrolmentView, SpecView } from '../../domain/knowledge';

/** What assessment learnt from enrolment (enrolments) and the catalogue (definition versions). */
export abstract class AssessmentKnowledge {
  /** The enrolments among these ids that are known, by id (one query for a whole cohort). */
  abstract enrolments(enrolmentIds: string[]): Promise<Map<string, EnrolmentView>>;
  /** Definition versions by `<credentialSpecId>@<version>`. */
  abstract specs(keys: { credentialSpecId: string; version: number }[]): Promise<Map<string, SpecView>>;
}

export const specKey = (credentialSpecId: string, version: number): string => `${credentialSpecId}@${version}`;
