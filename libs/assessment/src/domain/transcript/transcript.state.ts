import type { ResultFacts, TranscriptEvent } from './transcript.events';

export interface ResultRecord {
  resultId: string;
  componentCode: string;
  specVersion: number;
  institutionId: string;
  /** The effective facts: the latest amendment, else the publication. */
  current: ResultFacts;
  /** The facts as first published (a replayed publication is recognised by them). */
  published: ResultFacts;
  amendmentIds: string[];
  /** What each amendment made of the result, by amendment id: a retry is recognised by it. */
  amendments: Record<string, AmendmentRecord>;
  batchId?: string;
  rowRef?: string;
}

/** The effective facts an amendment left, and its reason. */
export interface AmendmentRecord {
  facts: ResultFacts;
  reason: string;
}

/** Every result of one enrolment; at most one result per component, amended in place, never deleted. */
export interface TranscriptState {
  enrolmentId?: string;
  learnerId?: string;
  credentialSpecId?: string;
  results: Record<string, ResultRecord>;
  /** Component code to the id of its result. */
  byComponent: Record<string, string>;
}

export const initialTranscriptState = (): TranscriptState => ({ results: {}, byComponent: {} });

export function evolveTranscript(state: TranscriptState, event: TranscriptEvent): TranscriptState {
  switch (event.type) {
    case 'ResultPublished': {
      const d = event.data;
      const record: ResultRecord = {
        resultId: d.resultId,
        componentCode: d.componentCode,
        specVersion: d.specVersion,
        institutionId: d.institutionId,
        current: factsOf(d),
        published: factsOf(d),
        amendmentIds: [],
        amendments: {},
        ...(d.batchId ? { batchId: d.batchId } : {}),
        ...(d.rowRef ? { rowRef: d.rowRef } : {}),
      };
      return {
        enrolmentId: d.enrolmentId,
        learnerId: d.learnerId,
        credentialSpecId: d.credentialSpecId,
        results: { ...state.results, [d.resultId]: record },
        byComponent: { ...state.byComponent, [d.componentCode]: d.resultId },
      };
    }
    case 'ResultAmended': {
      const d = event.data;
      const previous = state.results[d.resultId];
      if (!previous) return state;
      const record = {
        ...previous,
        current: factsOf(d),
        amendmentIds: [...previous.amendmentIds, d.amendmentId],
        amendments: { ...previous.amendments, [d.amendmentId]: { facts: factsOf(d), reason: d.reason } },
      };
      return { ...state, results: { ...state.results, [d.resultId]: record } };
    }
  }
}

export function factsOf(d: ResultFacts): ResultFacts {
  return {
    grade: d.grade,
    passed: d.passed,
    assessedOn: d.assessedOn,
    assessmentType: d.assessmentType,
    supervision: d.supervision,
    ...(d.evidenceUrl !== undefined ? { evidenceUrl: d.evidenceUrl } : {}),
    ...(d.assessor !== undefined ? { assessor: d.assessor } : {}),
  };
}
