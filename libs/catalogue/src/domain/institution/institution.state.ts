import type { InstitutionEvent, InstitutionProfile, SigningKeyRecord } from './institution.events';
import { type IssuedChallenge, markUsed, withChallenge } from './key-challenges';
import { type PossessionProblem, possessionProblem } from './key-possession';

/** `pending`: registered by the alliance, not yet confirmed by the member's own admin registering a key. */
export type InstitutionStatus = 'pending' | 'active' | 'suspended' | 'removed';

/** Each status with the instant it began: answers "was this member in good standing at T". */
export interface StatusPeriod {
  status: InstitutionStatus;
  from: string;
  reason?: string;
}

/** A key whose stored proof of possession did not verify when folded: never bound, kept for auditors. */
export interface RejectedKey {
  key: SigningKeyRecord;
  problem: PossessionProblem;
}

export interface Institution extends InstitutionProfile {
  institutionId: string;
  status: InstitutionStatus;
  registeredAt: string;
  /** The keys bound to the institution: legacy keys, and keys whose possession proof verifies. */
  keys: SigningKeyRecord[];
  rejectedKeys: RejectedKey[];
  challenges: IssuedChallenge[];
  statusHistory: StatusPeriod[];
}

export type InstitutionState = Institution | undefined;

export const initialInstitutionState = (): InstitutionState => undefined;

export function evolveInstitution(state: InstitutionState, event: InstitutionEvent): InstitutionState {
  if (event.type === 'InstitutionRegistered') {
    const { institutionId, registeredAt, status = 'active', ...profile } = event.data;
    return {
      ...profile,
      institutionId,
      registeredAt,
      status,
      keys: [],
      rejectedKeys: [],
      challenges: [],
      statusHistory: [{ status, from: registeredAt }],
    };
  }
  if (!state) return state;
  switch (event.type) {
    case 'KeyChallengeIssued': {
      const { keyId, nonce, expiresAt, issuedAt } = event.data;
      return { ...state, challenges: withChallenge(state.challenges, { keyId, nonce, expiresAt, issuedAt, used: false }) };
    }
    case 'SigningKeyAdded':
      return bind(state, event.data.key);
    case 'InstitutionActivated':
      return withStatus(state, { status: 'active', from: event.data.activatedAt });
    case 'SigningKeyRotated': {
      const { previousKeyId, previousValidUntil, newKey } = event.data;
      // The old key ends even if its successor is not bound: closing a key never widens trust.
      const keys = state.keys.map((k) => (k.keyId === previousKeyId ? { ...k, validUntil: previousValidUntil } : k));
      return bind({ ...state, keys }, newKey);
    }
    case 'SigningKeyRevoked': {
      const { keyId, reason, revokedAt, compromisedSince } = event.data;
      const keys = state.keys.map((k) =>
        k.keyId === keyId
          ? {
              ...k,
              validUntil: earlier(k.validUntil, revokedAt),
              revokedAt,
              revocationReason: reason,
              ...(compromisedSince ? { compromisedSince } : {}),
            }
          : k,
      );
      return { ...state, keys };
    }
    case 'InstitutionSuspended':
      return withStatus(state, { status: 'suspended', from: event.data.suspendedAt, reason: event.data.reason });
    case 'InstitutionReinstated':
      return withStatus(state, { status: 'active', from: event.data.reinstatedAt });
    case 'InstitutionRemoved':
      return withStatus(state, { status: 'removed', from: event.data.removedAt, reason: event.data.reason });
  }
}

/**
 * Checked on replay: a key binds only if its proof of possession still verifies against a challenge this
 * stream issued, so an event altered in the store cannot slip a foreign key in. Legacy keys carry no proof.
 */
function bind(state: Institution, key: SigningKeyRecord): Institution {
  if (!key.possession) return { ...state, keys: [...state.keys, key] };
  const problem = possessionProblem(state.institutionId, state.challenges, key, key.possession);
  const challenges = markUsed(state.challenges, key.possession.challenge?.nonce);
  if (problem) return { ...state, challenges, rejectedKeys: [...state.rejectedKeys, { key, problem }] };
  return { ...state, challenges, keys: [...state.keys, key] };
}

function earlier(validUntil: string | undefined, instant: string): string {
  return validUntil !== undefined && Date.parse(validUntil) < Date.parse(instant) ? validUntil : instant;
}

function withStatus(state: Institution, period: StatusPeriod): Institution {
  return { ...state, status: period.status, statusHistory: [...state.statusHistory, period] };
}
