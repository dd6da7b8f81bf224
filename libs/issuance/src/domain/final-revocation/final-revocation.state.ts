import type { FinalRevocationEvent, FinalRevocationLifted, FinalRevocationRecorded } from './final-revocation.events';

/** The latest final revocation of a learner's credential in one definition, and whether it was lifted. */
export interface FinalRevocation extends Omit<FinalRevocationRecorded['data'], 'recordedAt'> {
  recordedAt: string;
  lifted?: Omit<FinalRevocationLifted['data'], 'learnerId' | 'specId' | 'credentialId'>;
  /** Every credential ever revoked for good here, oldest first: a late repeat of an old one changes nothing. */
  history: string[];
}

export type FinalRevocationState = FinalRevocation | undefined;

export const initialFinalRevocationState = (): FinalRevocationState => undefined;

export function evolveFinalRevocation(state: FinalRevocationState, event: FinalRevocationEvent): FinalRevocationState {
  switch (event.type) {
    case 'FinalRevocationRecorded':
      // A later final revocation (of the credential issued after a lift) replaces the earlier one.
      return { ...event.data, history: [...(state?.history ?? []), event.data.credentialId] };
    case 'FinalRevocationLifted': {
      if (!state) return state;
      const { liftedBy, reason, liftedAt } = event.data;
      return { ...state, lifted: { liftedBy, reason, liftedAt } };
    }
  }
}

/**
 * What an award evaluation needs of it: the credential revoked for good, and whether a new award may be
 * granted (lifted), in which case the new credential names the revoked one as the one it replaces.
 */
export interface FinalRevocationStanding {
  credentialId: string;
  lifted: boolean;
}

export function finalRevocationStanding(state: FinalRevocationState): FinalRevocationStanding | undefined {
  return state ? { credentialId: state.credentialId, lifted: state.lifted !== undefined } : undefined;
}
