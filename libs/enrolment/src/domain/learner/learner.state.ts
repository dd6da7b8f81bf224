import type { LearnerEvent } from './learner.events';

export type EnrolmentStatus = 'active' | 'withdrawn' | 'completed';

export interface EnrolmentRecord {
  enrolmentId: string;
  credentialSpecId: string;
  specVersion: number;
  institutionId: string;
  status: EnrolmentStatus;
  credentialId?: string;
}

/** A learner with every enrolment they ever had; the unit that keeps "one active enrolment per definition" true. */
export interface LearnerState {
  learnerId?: string;
  erased: boolean;
  enrolments: Record<string, EnrolmentRecord>;
  /** Institutions the learner confirmed may hold them, beyond those that enrolled them. */
  authorisedInstitutions: string[];
}

export const initialLearnerState = (): LearnerState => ({ erased: false, enrolments: {}, authorisedInstitutions: [] });

export function evolveLearner(state: LearnerState, event: LearnerEvent): LearnerState {
  const d = event.data;
  const withEnrolment = (id: string, change: Partial<EnrolmentRecord>): LearnerState => {
    const current = state.enrolments[id];
    return current ? { ...state, enrolments: { ...state.enrolments, [id]: { ...current, ...change } } } : state;
  };
  switch (event.type) {
    case 'LearnerEnrolled': {
      const e = event.data;
      const record: EnrolmentRecord = {
        enrolmentId: e.enrolmentId,
        credentialSpecId: e.credentialSpecId,
        specVersion: e.specVersion,
        institutionId: e.institutionId,
        status: 'active',
      };
      return { ...state, learnerId: d.learnerId, enrolments: { ...state.enrolments, [e.enrolmentId]: record } };
    }
    case 'EnrolmentWithdrawn':
      return withEnrolment(event.data.enrolmentId, { status: 'withdrawn' });
    case 'EnrolmentCompleted':
      return withEnrolment(event.data.enrolmentId, { status: 'completed', credentialId: event.data.credentialId });
    case 'EnrolmentTransferred':
      return withEnrolment(event.data.enrolmentId, { specVersion: event.data.toVersion });
    case 'InstitutionAuthorised':
      return state.authorisedInstitutions.includes(event.data.institutionId)
        ? state
        : { ...state, learnerId: d.learnerId, authorisedInstitutions: [...state.authorisedInstitutions, event.data.institutionId] };
    case 'LearnerErased':
      return { ...state, erased: true };
  }
}

/** The learner's active enrolment in a definition, if any (any version). */
export function activeEnrolmentIn(state: LearnerState, credentialSpecId: string): EnrolmentRecord | undefined {
  return Object.values(state.enrolments).find((e) => e.status === 'active' && e.credentialSpecId === credentialSpecId);
}
