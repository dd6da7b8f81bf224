/** The latest result of one component, as the owning university's registrar published (or amended) it. */
export interface ComponentResult {
  resultId: string;
  componentCode: string;
  institutionId: string;
  passed: boolean;
  grade?: number | string;
  assessedAt: string;
  /** Set when this result replaced an earlier one. */
  amendmentReason?: string;
}

/** A part of a stack awarded to the learner: the credential that proves it. */
export interface AwardedPart {
  specId: string;
  credentialId: string;
  awardedAt: string;
}

/** Everything the issuance rule is evaluated on for one learner and one definition. */
export interface AwardInputs {
  /** Absent for a stack the learner never enrolled in (awarded from its parts). */
  enrolledAt?: string;
  results: Record<string, ComponentResult>;
  parts: Record<string, AwardedPart>;
}
