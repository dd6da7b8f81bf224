import { randomUUID } from 'node:crypto';
import type { LearnerEnrolledV1, LearnerErasedV1, LearnerWithdrawnV1, ResultAmendedV1, ResultRecordedV1 } from '@alliance/contracts';
import type { RecordedEvent } from '@alliance/event-sourcing';
import { jointSpec, UNI_A, UNI_B } from '../../../domain/__fixtures__/specs.fixture';
import type { MembershipStatus } from '../../../domain/knowledge/institution-snapshot';
import type { SpecSnapshot } from '../../../domain/knowledge/spec-snapshot';

/** What reaches issuance's process manager: other contexts' facts (with the id they were sent under) and its own log. */
export type IssuanceMessage =
  | { type: 'LearnerEnrolled'; id: string; data: LearnerEnrolledV1 }
  | { type: 'LearnerWithdrawn'; id: string; data: LearnerWithdrawnV1 }
  | { type: 'ResultRecorded'; id: string; data: ResultRecordedV1 }
  | { type: 'ResultAmended'; id: string; data: ResultAmendedV1 }
  | { type: 'LearnerErased'; id: string; data: LearnerErasedV1 }
  | { type: 'SpecPublished'; id: string; spec: SpecSnapshot }
  | { type: 'MembershipChanged'; id: string; institutionId: string; status: MembershipStatus; from: string; reason?: string }
  /** The institution's admin has the platform generate a key, the catalogue registers it, and signing is delegated. */
  | { type: 'PlatformKeyOnboarded'; id: string; institutionId: string }
  | { type: 'Logged'; event: RecordedEvent };

export const ENROLMENT = 'enr-1';
export const LEARNER = 'learner-1';
const SPEC_REF = { enrolmentId: ENROLMENT, learnerId: LEARNER, credentialSpecId: jointSpec.specId, specVersion: jointSpec.version };
const id = () => randomUUID();

export const enrolled = (specVersion = jointSpec.version): IssuanceMessage => ({
  type: 'LearnerEnrolled',
  id: id(),
  data: {
    ...SPEC_REF,
    specVersion,
    learner: { learnerId: LEARNER, name: 'Ada Lovelace', email: 'ada@example.org' },
    enrolledAt: '2026-02-01T09:00:00.000Z',
  },
});

const componentResult = (componentCode: 'SES-1' | 'SES-2', grade: number) => ({
  ...SPEC_REF,
  resultId: `${ENROLMENT}-${componentCode}`,
  componentCode,
  institutionId: componentCode === 'SES-1' ? UNI_A : UNI_B,
  passed: grade >= 5,
  grade,
  assessedAt: '2026-03-01T10:00:00.000Z',
});

export const resultRecorded = (componentCode: 'SES-1' | 'SES-2', grade: number): IssuanceMessage => ({
  type: 'ResultRecorded',
  id: id(),
  data: { ...componentResult(componentCode, grade), recordedAt: '2026-03-01T12:00:00.000Z' },
});

export const resultAmended = (componentCode: 'SES-1' | 'SES-2', grade: number, reason: string): IssuanceMessage => ({
  type: 'ResultAmended',
  id: id(),
  data: { ...componentResult(componentCode, grade), assessedAt: '2026-03-20T10:00:00.000Z', reason, amendedAt: '2026-03-20T12:00:00.000Z' },
});

export const withdrawn = (reason = 'moved abroad'): IssuanceMessage => ({
  type: 'LearnerWithdrawn',
  id: id(),
  data: { ...SPEC_REF, reason, withdrawnAt: '2026-02-20T09:00:00.000Z' },
});
export const erased = (): IssuanceMessage => ({
  type: 'LearnerErased',
  id: id(),
  data: { learnerId: LEARNER, erasedAt: '2026-04-01T09:00:00.000Z' },
});
export const specPublished = (spec: SpecSnapshot): IssuanceMessage => ({ type: 'SpecPublished', id: id(), spec });
export const membership = (institutionId: string, status: MembershipStatus, from: string, reason?: string): IssuanceMessage => ({
  type: 'MembershipChanged',
  id: id(),
  institutionId,
  status,
  from,
  ...(reason ? { reason } : {}),
});
export const platformKeyOnboarded = (institutionId: string): IssuanceMessage => ({ type: 'PlatformKeyOnboarded', id: id(), institutionId });
