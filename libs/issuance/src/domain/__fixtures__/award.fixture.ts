/** Learner-1's award track on the joint spec (enrolment enr-1), for the award decider specs. */
import type { ComponentResult } from '../award/award-inputs';
import type { AchievedGrade } from '../award/issuance-rule';
import type { AwardEvent } from '../award/award.events';
import { jointGrades } from './specs.fixture';

export const NOW = '2026-01-01T00:00:00.000Z';
export const learner = { learnerId: 'learner-1', name: 'Ada Lovelace' };

/** The track as the learner's enrolment defines it. */
export const enrolmentTrack = {
  awardId: 'enr-1',
  learner,
  specId: 'spec-joint',
  specVersion: 1,
  enrolmentId: 'enr-1',
  enrolledAt: '2025-12-01T00:00:00.000Z',
};

export const opened: AwardEvent = { type: 'AwardTrackOpened', data: { ...enrolmentTrack, openedAt: NOW } };

export const recorded = (r: ComponentResult): AwardEvent => ({ type: 'ComponentResultRecorded', data: { awardId: 'enr-1', result: r } });

/** The award granted on version 1, by default with 8 for SES-1 and 7 for SES-2. */
export const granted = (credentialId: string, grades: AchievedGrade[] = jointGrades(8, 7), extra: object = {}): AwardEvent => ({
  type: 'AwardGranted',
  data: { awardId: 'enr-1', credentialId, learner, specId: 'spec-joint', specVersion: 1, awardedAt: NOW, grades, ...extra },
});
