import type { KeyPossessionChallenge } from '@alliance/credentials';

/** Long enough for an admin to run a signer or an HSM ceremony, short enough that a leaked nonce soon dies. */
export const KEY_CHALLENGE_TTL_MS = 10 * 60_000;
/** Unexpired, unused challenges one institution may hold at once: enough for any rollover, not a flood of events. */
export const MAX_OPEN_KEY_CHALLENGES = 20;
/** 32 random bytes in base64url (43 characters), as the handler draws them. */
export const NONCE_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A challenge as the institution's state keeps it until it expires. */
export interface IssuedChallenge {
  keyId: string;
  nonce: string;
  expiresAt: string;
  issuedAt: string;
  /** A key was registered with it: it is never accepted again. */
  used: boolean;
}

/** The challenge as it was handed out and signed. */
export function challengeOf(institutionId: string, issued: Pick<IssuedChallenge, 'keyId' | 'nonce' | 'expiresAt'>): KeyPossessionChallenge {
  return { type: 'alliance-key-possession', institutionId, keyId: issued.keyId, nonce: issued.nonce, expiresAt: issued.expiresAt };
}

export function isExpired(challenge: IssuedChallenge, at: string): boolean {
  return Date.parse(challenge.expiresAt) <= Date.parse(at);
}

/** Adds a challenge, forgetting those expired by then: a used or dead nonce needs no memory once it cannot be accepted. */
export function withChallenge(challenges: IssuedChallenge[], issued: IssuedChallenge): IssuedChallenge[] {
  return [...challenges.filter((c) => !isExpired(c, issued.issuedAt)), issued];
}

export function markUsed(challenges: IssuedChallenge[], nonce: string): IssuedChallenge[] {
  return challenges.map((c) => (c.nonce === nonce ? { ...c, used: true } : c));
}
