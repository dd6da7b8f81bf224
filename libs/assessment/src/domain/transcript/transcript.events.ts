import type { Grade } from '../grading';
import type { SupervisionLevel } from '../knowledge';

/** The facts of a result that an amendment may change. */
export interface ResultFacts {
  grade: Grade;
  /** Derived from the grade on the definition's grading scheme. */
  passed: boolean;
  /** ISO date (YYYY-MM-DD) of the assessment. */
  assessedOn: string;
  assessmentType: string;
  supervision: SupervisionLevel;
  evidenceUrl?: string;
  assessor?: string;
}

/** Which result: of which enrolment and definition version, for which component, owned by which institution. */
export interface ResultIdentity {
  resultId: string;
  enrolmentId: string;
  learnerId: string;
  credentialSpecId: string;
  /** The definition version the result was published on. */
  specVersion: number;
  componentCode: string;
  institutionId: string;
}

export const resultIdentityOf = (d: ResultIdentity): ResultIdentity => ({
  resultId: d.resultId,
  enrolmentId: d.enrolmentId,
  learnerId: d.learnerId,
  credentialSpecId: d.credentialSpecId,
  specVersion: d.specVersion,
  componentCode: d.componentCode,
  institutionId: d.institutionId,
});

export interface ResultPublishedData extends ResultFacts, ResultIdentity {
  publishedAt: string;
  /** Set when the result came in a bulk upload: the batch and the row (client row id or line). */
  batchId?: string;
  rowRef?: string;
}

export interface ResultAmendedData extends ResultFacts, ResultIdentity {
  amendmentId: string;
  /** 1 for the first amendment of this result. */
  amendmentNumber: number;
  reason: string;
  amendedAt: string;
}

export type ResultPublished = { type: 'ResultPublished'; data: ResultPublishedData };
export type ResultAmended = { type: 'ResultAmended'; data: ResultAmendedData };
export type TranscriptEvent = ResultPublished | ResultAmended;

export const TRANSCRIPT_EVENT_TYPES: readonly TranscriptEvent['type'][] = ['ResultPublished', 'ResultAmended'];
