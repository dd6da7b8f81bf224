import type { InstitutionSnapshot, MembershipStatus, RegisteredKey } from './institution-snapshot';
import type { SpecSnapshot } from './spec-snapshot';

/**
 * Facts issuance learned from the catalogue, recorded in its own log: decisions can then be explained by
 * what issuance knew when it made them, and every read model rebuilds from issuance's store alone.
 */
export interface SpecVersionLearned {
  type: 'SpecVersionLearned';
  data: { spec: SpecSnapshot };
}

export interface InstitutionLearned {
  type: 'InstitutionLearned';
  /** `initialStatus: 'pending'` for members that wait for their own first key; absent means active (older registrations). */
  data: Omit<InstitutionSnapshot, 'status' | 'statusHistory' | 'keys'> & { registeredAt: string; initialStatus?: 'pending' };
}

/** The institution withdrew a key: its window ends at `revokedAt`; with `compromisedSince`, signatures from then on are void. */
export interface RegisteredKeyRevokedLearned {
  type: 'RegisteredKeyRevokedLearned';
  data: { institutionId: string; keyId: string; reason: string; revokedAt: string; compromisedSince?: string };
}

export interface RegisteredKeyLearned {
  type: 'RegisteredKeyLearned';
  data: { institutionId: string; key: RegisteredKey };
}

/** A key's window changed (a rotation closed it). */
export interface RegisteredKeyWindowLearned {
  type: 'RegisteredKeyWindowLearned';
  data: { institutionId: string; keyId: string; validUntil: string };
}

export interface MembershipStatusLearned {
  type: 'MembershipStatusLearned';
  data: { institutionId: string; status: MembershipStatus; from: string; reason?: string };
}

export type KnownSpecEvent = SpecVersionLearned;
export type KnownInstitutionEvent =
  InstitutionLearned | RegisteredKeyLearned | RegisteredKeyWindowLearned | RegisteredKeyRevokedLearned | MembershipStatusLearned;

export const KNOWLEDGE_EVENT_TYPES = [
  'SpecVersionLearned',
  'InstitutionLearned',
  'RegisteredKeyLearned',
  'RegisteredKeyWindowLearned',
  'RegisteredKeyRevokedLearned',
  'MembershipStatusLearned',
] as const;
