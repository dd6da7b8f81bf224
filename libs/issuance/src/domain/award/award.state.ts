import type { AwardedPart, ComponentResult } from './award-inputs';
import type { AwardEvent, LearnerRef } from './award.events';
import type { AchievedGrade } from './issuance-rule';

/** The credential currently standing for this award, with the date it was first awarded. */
export interface CurrentAward {
  credentialId: string;
  awardedAt: string;
  grades: AchievedGrade[];
}

/**
 * One learner towards one definition. Facts may arrive before the enrolment that opens the track (topics are
 * consumed independently), so a track can exist with results but no learner yet; it is evaluated once opened.
 */
export interface AwardTrack {
  awardId: string;
  opened: boolean;
  learner?: LearnerRef;
  specId?: string;
  specVersion?: number;
  enrolmentId?: string;
  enrolledAt?: string;
  results: Record<string, ComponentResult>;
  parts: Record<string, AwardedPart>;
  current?: CurrentAward;
  /** Every credential issued on this track, oldest first. */
  credentialIds: string[];
  closed: boolean;
}

export type AwardState = AwardTrack | undefined;

export const initialAwardState = (): AwardState => undefined;

const pendingTrack = (awardId: string): AwardTrack => ({
  awardId,
  opened: false,
  results: {},
  parts: {},
  credentialIds: [],
  closed: false,
});

export function evolveAward(state: AwardState, event: AwardEvent): AwardState {
  if (event.type === 'AwardTrackOpened') {
    const { awardId, learner, specId, specVersion, enrolmentId, enrolledAt } = event.data;
    const before = state ?? pendingTrack(awardId);
    return {
      ...before,
      opened: true,
      learner,
      specId,
      specVersion,
      ...(enrolmentId ? { enrolmentId } : {}),
      ...(enrolledAt ? { enrolledAt } : {}),
    };
  }
  if (!state)
    return event.type === 'ComponentResultRecorded' || event.type === 'StackPartRecorded'
      ? evolveAward(pendingTrack(event.data.awardId), event)
      : state;
  switch (event.type) {
    case 'AwardTrackTransferred':
      return { ...state, specId: event.data.specId, specVersion: event.data.specVersion };
    case 'ComponentResultRecorded': {
      const r = event.data.result;
      return { ...state, results: { ...state.results, [r.componentCode]: r } };
    }
    case 'StackPartRecorded':
      return { ...state, parts: { ...state.parts, [event.data.part.specId]: event.data.part } };
    case 'StackPartWithdrawn': {
      const { [event.data.specId]: _gone, ...parts } = state.parts;
      return { ...state, parts };
    }
    case 'AwardGranted': {
      const { credentialId, awardedAt, grades } = event.data;
      return { ...state, current: { credentialId, awardedAt, grades }, credentialIds: [...state.credentialIds, credentialId] };
    }
    case 'AwardRescinded': {
      const { current: _gone, ...rest } = state;
      return rest;
    }
    case 'AwardTrackClosed':
      return { ...state, closed: true };
  }
}
