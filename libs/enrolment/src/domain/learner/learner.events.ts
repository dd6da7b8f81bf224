import type { ProtectedIdentity } from '../protected-identity';

export interface Consent {
  /** When the learner consented to their credential being issued. */
  givenAt: string;
  /** Version of the consent text they accepted. */
  textVersion: string;
}

/** A prior credential that satisfied a prerequisite at enrolment. */
export interface MetPrerequisite {
  credentialSpecId: string;
  credentialId: string;
}

type LearnerEvent_<T extends string, D> = { type: T; data: { learnerId: string } & D };

export type LearnerEnrolled = LearnerEvent_<
  'LearnerEnrolled',
  {
    enrolmentId: string;
    credentialSpecId: string;
    specVersion: number;
    institutionId: string;
    identity: ProtectedIdentity;
    consent: Consent;
    prerequisitesMet: MetPrerequisite[];
    enrolledAt: string;
  }
>;
export type EnrolmentWithdrawn = LearnerEvent_<
  'EnrolmentWithdrawn',
  { enrolmentId: string; credentialSpecId: string; specVersion: number; reason: string; withdrawnAt: string }
>;
export type EnrolmentCompleted = LearnerEvent_<
  'EnrolmentCompleted',
  { enrolmentId: string; credentialSpecId: string; specVersion: number; credentialId: string; completedAt: string }
>;
export type EnrolmentTransferred = LearnerEvent_<
  'EnrolmentTransferred',
  { enrolmentId: string; credentialSpecId: string; fromVersion: number; toVersion: number; reason: string; transferredAt: string }
>;
/**
 * The learner confirmed that an institution may hold them: its staff may then enrol this learner (by id) next
 * to the institutions that already do. Only the learner's own act links a learner across institutions.
 */
export type InstitutionAuthorised = LearnerEvent_<'InstitutionAuthorised', { institutionId: string; authorisedAt: string }>;
/** The learner's key was destroyed: every sealed field of this stream is unreadable from now on. */
export type LearnerErased = LearnerEvent_<'LearnerErased', { reason: string; erasedAt: string }>;

export type LearnerEvent =
  LearnerEnrolled | EnrolmentWithdrawn | EnrolmentCompleted | EnrolmentTransferred | InstitutionAuthorised | LearnerErased;

export const LEARNER_EVENT_TYPES: readonly LearnerEvent['type'][] = [
  'LearnerEnrolled',
  'EnrolmentWithdrawn',
  'EnrolmentCompleted',
  'EnrolmentTransferred',
  'InstitutionAuthorised',
  'LearnerErased',
];
