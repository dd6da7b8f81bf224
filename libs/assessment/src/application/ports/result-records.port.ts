import type { Grade } from '../../domain/grading';
import type { SupervisionLevel } from '../../domain/knowledge';
import type { ResultIdentity } from '../../domain/transcript/transcript.events';

export interface AmendmentRecord {
  amendmentId: string;
  amendmentNumber: number;
  grade: Grade;
  passed: boolean;
  assessedOn: string;
  reason: string;
  amendedAt: string;
  amendedBy: string;
}

/** A result as the read model keeps it: the effective facts plus its amendment history. */
export interface ResultRecordRow extends ResultIdentity {
  grade: Grade;
  passed: boolean;
  assessedOn: string;
  assessmentType: string;
  supervision: SupervisionLevel;
  evidenceUrl: string | null;
  assessor: string | null;
  publishedAt: string;
  publishedBy: string;
  batchId: string | null;
  rowRef: string | null;
  amendments: AmendmentRecord[];
}

export interface ResultFilter {
  enrolmentId?: string;
  learnerId?: string;
  componentCode?: string;
  institutionId?: string;
  batchId?: string;
  limit: number;
  offset: number;
}

export abstract class ResultRecords {
  abstract get(resultId: string): Promise<ResultRecordRow | undefined>;
  /** For those of these result ids already recorded, the enrolment each belongs to. */
  abstract enrolmentsOf(resultIds: string[]): Promise<Map<string, string>>;
  abstract list(filter: ResultFilter): Promise<{ items: ResultRecordRow[]; total: number }>;
  /** Read-your-writes: resolves once the read model includes this position. */
  abstract caughtUp(position: number | undefined): Promise<void>;
}
