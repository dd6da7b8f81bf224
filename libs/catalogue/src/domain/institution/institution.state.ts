import type { InstitutionEvent, InstitutionProfile, SigningKeyRecord } from './institution.events';

export type InstitutionStatus = 'active' | 'suspended' | 'removed';

/** Each status with the instant it began: answers "was this member in good standing at T". */
export interface StatusPeriod {
  status: InstitutionStatus;
  from: string;
  reason?: string;
}

export interface Institution extends InstitutionProfile {
  institutionId: string;
  status: InstitutionStatus;
  registeredAt: string;
  keys: SigningKeyRecord[];
  statusHistory: StatusPeriod[];
}

export type InstitutionState = Institution | undefined;

export const initialInstitutionState = (): InstitutionState => undefined;

export function evolveInstitution(state: InstitutionState, event: InstitutionEvent): InstitutionState {
  if (event.type === 'InstitutionRegistered') {
    const { institutionId, registeredAt, ...profile } = event.data;
    return { ...profile, institutionId, registeredAt, status: 'active', keys: [], statusHistory: [{ status: 'active', from: registeredAt }] };
  }
  if (!state) return state;
  switch (event.type) {
    case 'SigningKeyAdded':
      return { ...state, keys: [...state.keys, event.data.key] };
    case 'SigningKeyRotated': {
      const { previousKeyId, previousValidUntil, newKey } = event.data;
      const keys = state.keys.map((k) => (k.keyId === previousKeyId ? { ...k, validUntil: previousValidUntil } : k));
      return { ...state, keys: [...keys, newKey] };
    }
    case 'InstitutionSuspended':
      return withStatus(state, { status: 'suspended', from: event.data.suspendedAt, reason: event.data.reason });
    case 'InstitutionReinstated':
      return withStatus(state, { status: 'active', from: event.data.reinstatedAt });
    case 'InstitutionRemoved':
      return withStatus(state, { status: 'removed', from: event.data.removedAt, reason: event.data.reason });
  }
}

function withStatus(state: Institution, period: StatusPeriod): Institution {
  return { ...state, status: period.status, statusHistory: [...state.statusHistory, period] };
}
