import type { EnrolmentView, SpecView, SupervisionLevel } from '../knowledge';
import type { MemberStanding } from '../member-standing';

/** One result as a registrar states it; the grade is still raw (a CSV cell or a JSON value). */
export interface ResultInput {
  resultId: string;
  componentCode: string;
  grade: unknown;
  assessedOn: string;
  assessmentType: string;
  supervision: SupervisionLevel;
  evidenceUrl?: string;
  assessor?: string;
  batchId?: string;
  rowRef?: string;
}

/**
 * Commands on one enrolment's transcript. The enrolment and the definition version it is pinned to are
 * looked up by the application layer from what the other contexts published, and handed in.
 */
export type PublishResults = {
  type: 'PublishResults';
  enrolmentId: string;
  enrolment: EnrolmentView | undefined;
  spec: SpecView | undefined;
  results: ResultInput[];
  /** The institution the registrar publishes for, with its standing in the alliance. */
  actingMember: MemberStanding;
  /**
   * Ids among `results` already recorded for another enrolment (id to that enrolment), as the application
   * found them: a result id names one result, so it is never published a second time elsewhere.
   */
  recordedElsewhere: Readonly<Record<string, string>>;
};

export interface AmendmentInput {
  grade?: unknown;
  assessedOn?: string;
  assessmentType?: string;
  supervision?: SupervisionLevel;
  evidenceUrl?: string;
  assessor?: string;
}

export type AmendResult = {
  type: 'AmendResult';
  resultId: string;
  amendmentId: string;
  spec: SpecView | undefined;
  changes: AmendmentInput;
  reason: string;
  /** The institution the registrar amends for, with its standing in the alliance. */
  actingMember: MemberStanding;
};

export type TranscriptCommand = PublishResults | AmendResult;
