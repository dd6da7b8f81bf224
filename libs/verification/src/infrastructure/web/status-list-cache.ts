import type { FetchedJson, WebFetcher } from '../../application/ports/web-fetcher.port';
import { publicFetchError } from './fetch-failure';
import type { ResourceFetcher } from './http-web-fetcher';
import type { CachingHeaders } from './http-response';

export interface StatusListCacheOptions {
  /**
   * Lists asked for every time: the alliance's own issuance service, reached on the internal network, is
   * the authority on its lists, and a revocation it just recorded must show in the next verification. The
   * request carries the validators of the copy last received, so an unchanged list costs a 304, not a body.
   */
  bypass?: (url: string) => boolean;
  /** Most status lists held; the least recently used goes first. 0 turns the cache off. */
  maxEntries: number;
  /** Most bytes of status list bodies held (as received, after content decoding). */
  maxBytes: number;
  /** How long a list stays fresh when neither its `ttl` nor the server's Cache-Control says. */
  defaultTtlMs: number;
  /** Longest a list stays fresh, whatever its `ttl` and the server say. */
  maxTtlMs: number;
  clock?: () => number;
}

export const STATUS_LIST_CACHE_DEFAULTS: StatusListCacheOptions = {
  maxEntries: 1000,
  maxBytes: 32 * 1024 * 1024,
  defaultTtlMs: 5 * 60_000,
  maxTtlMs: 60 * 60_000,
};

interface Entry {
  json: unknown;
  bytes: number;
  freshUntil: number;
  etag?: string;
  lastModified?: string;
}

/**
 * Holds successfully fetched status lists by URL. A list is fresh for the shorter of its own `ttl`
 * (milliseconds, Bitstring Status List) and the server's Cache-Control max-age (less any Age), the default when
 * neither says, never longer than the maximum. `no-store` is never held; `no-cache` is held only with a
 * validator and revalidated on every use. A stale list with an ETag or Last-Modified is revalidated
 * conditionally: 304 keeps the body and renews its freshness. Failures are never held and a failed
 * revalidation is answered as the failure, not with the stale list. Concurrent fetches of one URL share a
 * single request, so a burst of verifications against one list reaches its server once. Lists that bypass the
 * cache are still asked for on every use (never shared with a request already under way, which may predate a
 * change), conditionally when a copy with a validator was received before: a 304 hands back that same object.
 */
export class StatusListCache implements WebFetcher {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<FetchedJson>>();
  /** The last copy of each bypassed list that came with a validator; only ever served after the server said 304. */
  private readonly validated = new Map<string, Entry>();
  private bytes = 0;
  private readonly clock: () => number;

  constructor(
    private readonly inner: ResourceFetcher,
    private readonly options: StatusListCacheOptions = STATUS_LIST_CACHE_DEFAULTS,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  fetchJson(url: string): Promise<FetchedJson> {
    if (this.options.bypass?.(url)) return this.fresh(url);
    const entry = this.entries.get(url);
    if (entry && entry.freshUntil > this.clock()) {
      this.touch(url, entry);
      return Promise.resolve({ ok: true, url, json: entry.json });
    }
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    const fetching = this.refresh(url, entry).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, fetching);
    return fetching;
  }

  private async fresh(url: string): Promise<FetchedJson> {
    const held = this.validated.get(url);
    const fetched = await this.inner.fetchResource(url, held ? validatorsOf(held) : undefined);
    if (!fetched.ok) return fetched;
    if (fetched.status === 304)
      return held ? { ok: true, url, json: held.json } : { ok: false, url, error: publicFetchError('FETCH_HTTP_STATUS', 304) };
    this.validated.delete(url);
    const validators = validatorsOf(fetched.headers);
    if (
      this.options.maxEntries > 0 &&
      fetched.bytes <= this.options.maxBytes &&
      (validators.etag || validators.lastModified) &&
      !cacheControlOf(fetched.headers.cacheControl).has('no-store')
    ) {
      this.validated.set(url, { json: fetched.json, bytes: fetched.bytes, freshUntil: 0, ...validators });
      // The bypassed lists are the alliance's own few: bounded by count alone.
      if (this.validated.size > this.options.maxEntries) this.validated.delete(this.validated.keys().next().value!);
    }
    return { ok: true, url, json: fetched.json };
  }

  private async refresh(url: string, held: Entry | undefined): Promise<FetchedJson> {
    const conditional = held && (held.etag || held.lastModified) ? validatorsOf(held) : undefined;
    const fetched = await this.inner.fetchResource(url, conditional);
    if (!fetched.ok) return fetched;
    if (fetched.status === 304) {
      if (!held) return { ok: false, url, error: publicFetchError('FETCH_HTTP_STATUS', 304) };
      const headers = {
        ...fetched.headers,
        etag: fetched.headers.etag ?? held.etag,
        lastModified: fetched.headers.lastModified ?? held.lastModified,
      };
      this.store(url, held.json, held.bytes, headers);
      return { ok: true, url, json: held.json };
    }
    this.store(url, fetched.json, fetched.bytes, fetched.headers);
    return { ok: true, url, json: fetched.json };
  }

  private store(url: string, json: unknown, bytes: number, headers: CachingHeaders): void {
    this.remove(url);
    if (this.options.maxEntries <= 0 || bytes > this.options.maxBytes) return;
    const directives = cacheControlOf(headers.cacheControl);
    if (directives.has('no-store')) return;
    const validators = validatorsOf(headers);
    const hasValidator = validators.etag !== undefined || validators.lastModified !== undefined;
    const lifetime = directives.has('no-cache') ? 0 : this.lifetimeMs(json, directives, headers.age);
    if (lifetime <= 0 && !hasValidator) return;
    this.entries.set(url, { json, bytes, freshUntil: this.clock() + lifetime, ...validators });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  private lifetimeMs(json: unknown, directives: Map<string, string | undefined>, age: string | undefined): number {
    const candidates: number[] = [];
    const ttl = (json as { ttl?: unknown } | null)?.ttl;
    if (typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 0) candidates.push(ttl);
    const maxAge = seconds(directives.get('max-age'));
    if (maxAge !== undefined) candidates.push(Math.max(0, maxAge - (seconds(age) ?? 0)) * 1000);
    const lifetime = candidates.length ? Math.min(...candidates) : this.options.defaultTtlMs;
    return Math.min(lifetime, this.options.maxTtlMs);
  }

  private touch(url: string, entry: Entry): void {
    this.entries.delete(url);
    this.entries.set(url, entry);
  }

  private remove(url: string): void {
    const entry = this.entries.get(url);
    if (!entry) return;
    this.entries.delete(url);
    this.bytes -= entry.bytes;
  }
}

function validatorsOf(from: { etag?: string; lastModified?: string }): { etag?: string; lastModified?: string } {
  return { ...(from.etag ? { etag: from.etag } : {}), ...(from.lastModified ? { lastModified: from.lastModified } : {}) };
}

function cacheControlOf(header: string | undefined): Map<string, string | undefined> {
  const directives = new Map<string, string | undefined>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...value] = part.split('=');
    const key = name.trim().toLowerCase();
    if (key)
      directives.set(
        key,
        value.length
          ? value
              .join('=')
              .trim()
              .replace(/^"(.*)"$/, '$1')
          : undefined,
      );
  }
  return directives;
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
