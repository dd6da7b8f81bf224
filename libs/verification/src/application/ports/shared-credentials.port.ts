/** The shape of a share link's token, as the page and the server check it before anything is fetched. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

/** What fetching a shared credential gave: the credential, or why not in terms an employer understands. */
export type SharedCredential =
  | { found: true; credential: Record<string, unknown> }
  /** `gone`: issuance knows no active link with this token (unknown, withdrawn or expired: it does not say which). */
  | { found: false; reason: 'gone' | 'unavailable' };

/** Fetches the credential a learner's share link opens, from this alliance's issuance service only; never throws. */
export abstract class SharedCredentials {
  abstract fetch(token: string): Promise<SharedCredential>;
}
