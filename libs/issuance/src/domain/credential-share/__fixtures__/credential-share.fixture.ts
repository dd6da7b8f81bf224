// Facts and commands of one credential's links, for the decider's specs.
import type { RevokeCredentialShare, ShareCredential } from '../credential-share.commands';
import type { CredentialShareEvent } from '../credential-share.events';

export const T = new Date('2026-05-01T10:00:00.000Z');
export const learner = { now: T, actor: { subject: 'learner-1', role: 'learner' } };
export const later = (days: number) => ({ ...learner, now: new Date(T.getTime() + days * 24 * 3600 * 1000) });

export const share = (overrides: Partial<ShareCredential> = {}): ShareCredential => ({
  type: 'ShareCredential',
  shareId: 'share-1',
  credentialId: 'cred-1',
  learnerId: 'learner-1',
  credentialLifecycle: 'issued',
  expiresInDays: 30,
  ...overrides,
});
export const shared = (shareId = 'share-1', at = T): CredentialShareEvent => ({
  type: 'CredentialShared',
  data: {
    shareId,
    credentialId: 'cred-1',
    learnerId: 'learner-1',
    expiresAt: new Date(at.getTime() + 30 * 24 * 3600 * 1000).toISOString(),
    sharedAt: at.toISOString(),
  },
});
export const revoke = (shareId = 'share-1'): RevokeCredentialShare => ({ type: 'RevokeCredentialShare', shareId });
export const revoked = (shareId = 'share-1', at = T): CredentialShareEvent => ({
  type: 'CredentialShareRevoked',
  data: { shareId, revokedAt: at.toISOString() },
});
