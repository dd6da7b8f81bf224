import type { MetPrerequisite } from '../../domain/learner/learner.events';
import type { EnrolmentStatus } from '../../domain/learner/learner.state';
import type { ProtectedIdentity } from '../../domain/protected-identity';

export interface EnrolmentRecordRow {
  enrolmentId: string;
  learnerId: string;
  credentialSpecId: string;
  specVersion: number;
  institutionId: string;
  status: EnrolmentStatus;
  identity: ProtectedIdentity | null;
  learnerErased: boolean;
  consentGivenAt: string;
  consentTextVersion: string;
  prerequisitesMet: MetPrerequisite[];
  enrolledAt: string;
  enrolledBy: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  completedAt: string | null;
  credentialId: string | null;
  transfers: { fromVersion: number; toVersion: number; reason: string; at: string; by: string }[];
}

export interface EnrolmentFilter {
  /** Any of these learners. */
  learnerIds?: string[];
  credentialSpecId?: string;
  status?: EnrolmentStatus;
  institutionId?: string;
  limit: number;
  offset: number;
}

/**
 * The enrolments read model as the application sees it. `caughtUp` gives read-your-writes: a write
 * answers once the read model includes it.
 */
export abstract class EnrolmentRecords {
  abstract get(enrolmentId: string): Promise<EnrolmentRecordRow | undefined>;
  abstract list(filter: EnrolmentFilter): Promise<{ items: EnrolmentRecordRow[]; total: number }>;
  abstract caughtUp(position: number | undefined): Promise<void>;
}
