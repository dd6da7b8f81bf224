import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGN_IN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The secret of a sign-in link, derived from the sign-in's id with a key from the master key (HMAC-SHA-256) rather
 * than stored: the event log holds nothing that opens a session, and a repeated mail carries the same link.
 */
export class SignInLinks {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new TypeError('the sign-in link key needs at least 32 bytes');
  }

  /** `<signInId>.<MAC>`: what the link carries. */
  tokenOf(signInId: string): string {
    return `${signInId}.${createHmac('sha256', this.key).update(`learner-sign-in\n${signInId}`).digest('base64url')}`;
  }

  /** The sign-in a token was made for, or undefined for anything this issuer did not make. */
  signInOf(token: unknown): string | undefined {
    if (typeof token !== 'string' || token.length > 200) return undefined;
    const signInId = token.slice(0, token.indexOf('.'));
    if (!SIGN_IN_ID.test(signInId)) return undefined;
    const expected = Buffer.from(this.tokenOf(signInId));
    const presented = Buffer.from(token);
    return expected.length === presented.length && timingSafeEqual(expected, presented) ? signInId : undefined;
  }
}
