import type { AwardedPart, ComponentResult } from './award-inputs';
import type { AchievedGrade } from './issuance-rule';

/** Who the credential is about, as enrolment identified the learner. */
export interface LearnerRef {
  learnerId: string;
  /** Full name, as enrolment identified the learner. */
  name: string;
  /** Only a salted hash of it ever enters a credential. */
  email?: string;
  /** Becomes credentialSubject.id when the learner has one. */
  did?: string;
}

/** Which learner a track follows towards which definition version, and the enrolment it follows if any. */
export interface AwardTrackSubject {
  awardId: string;
  learner: LearnerRef;
  specId: string;
  specVersion: number;
  enrolmentId?: string;
  enrolledAt?: string;
}

/** Issuance starts following one learner towards one definition (from an enrolment, or a stack's first part). */
export interface AwardTrackOpened {
  type: 'AwardTrackOpened';
  data: AwardTrackSubject & { openedAt: string };
}

export interface ComponentResultRecorded {
  type: 'ComponentResultRecorded';
  data: { awardId: string; result: ComponentResult };
}

export interface StackPartRecorded {
  type: 'StackPartRecorded';
  data: { awardId: string; part: AwardedPart };
}

export interface StackPartWithdrawn {
  type: 'StackPartWithdrawn';
  data: { awardId: string; specId: string; credentialId: string; reason: string };
}

/**
 * The rule is met: a credential is to be issued. With `supersedes`, an amendment changed what the credential
 * says; the new one keeps the original award date and the old one is revoked for `reason`.
 */
export interface AwardGranted {
  type: 'AwardGranted';
  data: {
    awardId: string;
    credentialId: string;
    learner: LearnerRef;
    specId: string;
    specVersion: number;
    awardedAt: string;
    grades: AchievedGrade[];
    supersedes?: string;
    reason?: string;
  };
}

/** An amendment means the rule is no longer met: the awarded credential is to be revoked. */
export interface AwardRescinded {
  type: 'AwardRescinded';
  data: { awardId: string; credentialId: string; reason: string };
}

/** The enrolment moved to another definition or version; results of components both share keep counting. */
export interface AwardTrackTransferred {
  type: 'AwardTrackTransferred';
  data: { awardId: string; specId: string; specVersion: number; reason?: string };
}

/** The learner left before the rule was met; later facts are ignored. */
export interface AwardTrackClosed {
  type: 'AwardTrackClosed';
  data: { awardId: string; reason: string; closedAt: string };
}

export type AwardEvent =
  | AwardTrackOpened
  | AwardTrackTransferred
  | ComponentResultRecorded
  | StackPartRecorded
  | StackPartWithdrawn
  | AwardGranted
  | AwardRescinded
  | AwardTrackClosed;

export const AWARD_EVENT_TYPES: readonly AwardEvent['type'][] = [
  'AwardTrackOpened',
  'AwardTrackTransferred',
  'ComponentResultRecorded',
  'StackPartRecorded',
  'StackPartWithdrawn',
  'AwardGranted',
  'AwardRescinded',
  'AwardTrackClosed',
];
