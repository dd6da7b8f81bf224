import type { CredentialShared, CredentialShareEvent } from './credential-share.events';

/** One link: when it was made, until when it opens, and when it was withdrawn, if it was. */
export interface CredentialShare {
  shareId: string;
  sharedAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/** Every link made to one credential, in the order they were made. */
export interface CredentialShares {
  credentialId: string;
  learnerId: string;
  shares: Record<string, CredentialShare>;
}

export type CredentialSharesState = CredentialShares | undefined;

export const initialCredentialSharesState = (): CredentialSharesState => undefined;

function shared(state: CredentialSharesState, data: CredentialShared['data']): CredentialShares {
  const { shareId, credentialId, learnerId, sharedAt, expiresAt } = data;
  const base = state ?? { credentialId, learnerId, shares: {} };
  return { ...base, shares: { ...base.shares, [shareId]: { shareId, sharedAt, expiresAt } } };
}

export function evolveCredentialShares(state: CredentialSharesState, event: CredentialShareEvent): CredentialSharesState {
  switch (event.type) {
    case 'CredentialShared':
      return shared(state, event.data);
    case 'CredentialShareRevoked': {
      const share = state?.shares[event.data.shareId];
      if (!state || !share) return state;
      return { ...state, shares: { ...state.shares, [share.shareId]: { ...share, revokedAt: event.data.revokedAt } } };
    }
  }
}
