import type { AwardedPart, ComponentResult } from './award-inputs';
import type { AwardEvent, LearnerRef } from './award.events';
import type { AchievedGrade } from './issuance-rule';

/** The credential currently standing for this award, with the date it was first awarded. */
export interface CurrentAward {
  credentialId: string;
  awardedAt: string;
  grades: AchievedGrade[];
}

export interface AwardTrack {
  awardId: string;
  learner: LearnerRef;
  specId: string;
  specVersion: number;
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

export function evolveAward(state: AwardState, event: AwardEvent): AwardState {
  if (event.type === 'AwardTrackOpened') {
    const { awardId, learner, specId, specVersion, enrolmentId, enrolledAt } = event.data;
    return {
      awardId,
      learner,
      specId,
      specVersion,
      ...(enrolmentId ? { enrolmentId } : {}),
      ...(enrolledAt ? { enrolledAt } : {}),
      results: {},
      parts: {},
      credentialIds: [],
      closed: false,
    };
  }
  if (!state) return state;
  switch (event.type) {
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
