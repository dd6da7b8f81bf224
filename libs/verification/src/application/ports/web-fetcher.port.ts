/** A JSON document fetched over HTTP(S), or why it could not be. */
export type FetchedJson = { ok: true; url: string; json: unknown } | { ok: false; url: string; error: string };

/** Fetches status lists and did:web documents; never throws, a failure is an answer. */
export interface WebFetcher {
  fetchJson(url: string): Promise<FetchedJson>;
}
