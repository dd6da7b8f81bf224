import type { FetchedJson, WebFetcher } from '../../application/ports/web-fetcher.port';

export interface HttpWebFetcherOptions {
  timeoutMs: number;
  /** Largest body read, in bytes: a status list is ~16-40 KB compressed and encoded. */
  maxBytes?: number;
  /** Where to fetch a URL that starts with `from` instead: `to` + the rest (a cluster-internal address). */
  rewrite?: { from: string; to: string };
}

/**
 * Fetches JSON over HTTP(S) with a deadline and a size limit, and answers with the failure rather than
 * throwing: a status list that cannot be read is a finding of the report, not an error of the service.
 */
export class HttpWebFetcher implements WebFetcher {
  constructor(private readonly options: HttpWebFetcherOptions) {}

  async fetchJson(url: string): Promise<FetchedJson> {
    let target: URL;
    try {
      target = new URL(this.rewritten(url));
    } catch {
      return { ok: false, url, error: 'not a URL' };
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') return { ok: false, url, error: `${target.protocol} URLs are not fetched` };
    try {
      const res = await fetch(target, {
        headers: { accept: 'application/vc+ld+json, application/ld+json, application/json;q=0.9, */*;q=0.1' },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!res.ok) return { ok: false, url, error: `HTTP ${res.status}` };
      const text = await res.text();
      if (text.length > (this.options.maxBytes ?? 2_000_000)) return { ok: false, url, error: 'the document is too large' };
      return { ok: true, url, json: JSON.parse(text) };
    } catch (e) {
      const error = e as Error;
      return { ok: false, url, error: error.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : error.name === 'SyntaxError' ? 'not JSON' : (error.cause as Error)?.message ?? error.message };
    }
  }

  private rewritten(url: string): string {
    const r = this.options.rewrite;
    if (!r || !url.startsWith(r.from)) return url;
    return r.to.replace(/\/$/, '') + url.slice(r.from.replace(/\/$/, '').length);
  }
}
