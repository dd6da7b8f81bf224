import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Logger } from '@nestjs/common';
import type { FetchedJson, WebFetcher } from '../../application/ports/web-fetcher.port';
import { HostAllowList, hostOf, isIpLiteral, isPublicAddress } from './address-policy';
import { FetchFailure, type FetchFailureCode, publicFetchError } from './fetch-failure';
import { guardedLookup } from './guarded-lookup';
import { type CachingHeaders, cachingHeadersOf, decodedBody } from './http-response';

export const DEFAULT_FETCH_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;

export interface HttpWebFetcherOptions {
  /** Deadline for the whole fetch: connecting, every redirect and the body. */
  timeoutMs: number;
  /** How long connecting, or a pause while reading, may last; defaults to timeoutMs. */
  connectTimeoutMs?: number;
  /** Largest body read, in bytes, as sent and after any content decoding: a status list is ~16-40 KB. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Where to fetch a URL that starts with `from` instead: `to` + the rest (a cluster-internal address, trusted like an allow-listed host). */
  rewrite?: { from: string; to: string };
  /** Headers sent only to the rewrite target (the alliance's own issuance service), never to another host. */
  rewriteHeaders?: Record<string, string>;
  /** Hosts that may be fetched over http and may resolve to non-public addresses; every other host needs https and a public address. */
  allowHosts?: HostAllowList;
  logger?: Pick<Logger, 'warn'>;
}

/** A failed fetch as the port carries it, plus the stable code (and the HTTP status, for FETCH_HTTP_STATUS). */
export type FetchedJsonFailure = Extract<FetchedJson, { ok: false }> & { code: FetchFailureCode; status?: number };

/** Validators of a copy already held, sent as If-None-Match / If-Modified-Since. */
export interface ConditionalRequest {
  etag?: string;
  lastModified?: string;
}

/** A fetch with what a cache needs: the headers, the body size, and 304 when the copy held is still current. */
export type FetchedResource =
  | { ok: true; url: string; status: 200; json: unknown; bytes: number; headers: CachingHeaders }
  | { ok: true; url: string; status: 304; headers: CachingHeaders }
  | FetchedJsonFailure;

/** Fetches JSON and, given validators, may answer that the copy held is still current. */
export interface ResourceFetcher {
  fetchResource(url: string, conditional?: ConditionalRequest): Promise<FetchedResource>;
}

/**
 * The outbound fetcher of verification: URLs come from credentials anyone may present, so it only reaches the
 * public internet over https. A host on the allow-list (and the rewrite target) may also use http and private
 * addresses. Names are resolved once per connection and the addresses checked are the ones connected to, so a
 * name cannot resolve to a public address for the check and a private one for the connection. Redirects are
 * followed by hand with the same checks, within a deadline and a size cap. It never throws: a failure is an
 * answer with a code and a public text, and the detail goes to the log.
 */
export class HttpWebFetcher implements WebFetcher, ResourceFetcher {
  private readonly allowHosts: HostAllowList;
  private readonly rewriteTarget: HostAllowList;
  private readonly logger: Pick<Logger, 'warn'>;
  /**
   * Connections to trusted hosts (the allow-list, the rewrite target) are kept open between fetches: every
   * verification asks the issuance service for its status list, and a new connection each time costs both ends
   * more than the request. Other hosts get a connection of their own, resolved and checked each time.
   */
  private readonly keepAlive = {
    http: new HttpAgent({ keepAlive: true, maxSockets: 16 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
  };

  constructor(private readonly options: HttpWebFetcherOptions) {
    this.allowHosts = options.allowHosts ?? new HostAllowList([]);
    this.rewriteTarget = options.rewrite ? new HostAllowList([]).withOrigin(options.rewrite.to) : new HostAllowList([]);
    this.logger = options.logger ?? new Logger('HttpWebFetcher');
  }

  async fetchJson(url: string): Promise<FetchedJson> {
    const fetched = await this.fetchResource(url);
    if (!fetched.ok || fetched.status === 200) return fetched.ok ? { ok: true, url, json: fetched.json } : fetched;
    return this.failed(
      url,
      new FetchFailure('FETCH_HTTP_STATUS', `${url} answered HTTP 304 to an unconditional request`, 304),
      AbortSignal.abort(),
    );
  }

  async fetchResource(url: string, conditional: ConditionalRequest = {}): Promise<FetchedResource> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      return { ok: true, url, ...(await this.fetchFollowing(url, signal, conditional)) };
    } catch (e) {
      return this.failed(url, e, signal);
    }
  }

  private failed(url: string, e: unknown, signal: AbortSignal): FetchedJsonFailure {
    const failure = this.failureOf(e, signal);
    this.logger.warn({ msg: 'outbound fetch failed', url, code: failure.code, detail: failure.detail });
    return {
      ok: false,
      url,
      error: publicFetchError(failure.code, failure.status),
      code: failure.code,
      ...(failure.status !== undefined ? { status: failure.status } : {}),
    };
  }

  private async fetchFollowing(
    url: string,
    signal: AbortSignal,
    conditional: ConditionalRequest,
  ): Promise<{ status: 200; json: unknown; bytes: number; headers: CachingHeaders } | { status: 304; headers: CachingHeaders }> {
    const rewritten = this.rewritten(url);
    let target = parseUrl(rewritten);
    // The configured issuance address is trusted even when it is its own internal address (embedded platform).
    const viaRewrite = this.options.rewrite !== undefined && url.startsWith(this.options.rewrite.from);
    const maxRedirects = this.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    for (let hops = 0; ; hops++) {
      const trusted = this.allowHosts.allows(target) || (viaRewrite && this.rewriteTarget.allows(target));
      const internal = viaRewrite && this.rewriteTarget.allows(target);
      const res = await this.request(target, trusted, signal, conditional, internal ? this.options.rewriteHeaders : undefined);
      const status = res.statusCode ?? 0;
      if (status === 304 && (conditional.etag || conditional.lastModified)) {
        res.resume();
        return { status: 304, headers: cachingHeadersOf(res) };
      }
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hops >= maxRedirects) throw new FetchFailure('FETCH_TOO_MANY_REDIRECTS', `${url} redirects more than ${maxRedirects} times`);
        target = parseUrl(res.headers.location, target);
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new FetchFailure('FETCH_HTTP_STATUS', `${target.href} answered HTTP ${status}`, status);
      }
      const text = await this.readCapped(res, target);
      try {
        return { status: 200, json: JSON.parse(text), bytes: Buffer.byteLength(text), headers: cachingHeadersOf(res) };
      } catch (e) {
        throw new FetchFailure('FETCH_NOT_JSON', `${target.href} is not JSON: ${(e as Error).message}`);
      }
    }
  }

  private request(
    target: URL,
    trusted: boolean,
    signal: AbortSignal,
    conditional: ConditionalRequest,
    extraHeaders: Record<string, string> = {},
  ): Promise<IncomingMessage> {
    if (target.protocol !== 'https:' && target.protocol !== 'http:')
      return Promise.reject(new FetchFailure('FETCH_NOT_HTTPS', `${target.protocol} URLs are not fetched`));
    const host = hostOf(target);
    if (isIpLiteral(host) && !trusted && !isPublicAddress(host))
      return Promise.reject(new FetchFailure('FETCH_BLOCKED_ADDRESS', `${target.href} names the non-public address ${host}`));
    if (target.protocol === 'http:' && !trusted)
      return Promise.reject(new FetchFailure('FETCH_NOT_HTTPS', `${target.href} is http and its host is not allow-listed`));
    const connectTimeoutMs = this.options.connectTimeoutMs ?? this.options.timeoutMs;
    return new Promise((resolve, reject) => {
      const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
        method: 'GET',
        headers: {
          accept: 'application/vc+ld+json, application/ld+json, application/json;q=0.9, */*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
          ...(conditional.etag ? { 'if-none-match': conditional.etag } : {}),
          ...(conditional.lastModified ? { 'if-modified-since': conditional.lastModified } : {}),
          ...extraHeaders,
        },
        lookup: trusted ? undefined : guardedLookup,
        agent: trusted ? (target.protocol === 'https:' ? this.keepAlive.https : this.keepAlive.http) : false,
        signal,
        timeout: connectTimeoutMs,
      });
      req.once('timeout', () =>
        req.destroy(new FetchFailure('FETCH_TIMEOUT', `${target.href}: no progress within ${connectTimeoutMs} ms`)),
      );
      req.once('error', reject);
      req.once('response', resolve);
      req.end();
    });
  }

  private async readCapped(res: IncomingMessage, target: URL): Promise<string> {
    const maxBytes = this.options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
    const tooLarge = () => new FetchFailure('FETCH_TOO_LARGE', `${target.href} is larger than ${maxBytes} bytes`);
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      throw tooLarge();
    }
    const decoded = decodedBody(res, maxBytes, tooLarge);
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of decoded) {
        total += (chunk as Buffer).byteLength;
        if (total > maxBytes) throw tooLarge();
        chunks.push(chunk as Buffer);
      }
    } finally {
      if (decoded !== res) decoded.destroy();
      // A body read to its end leaves a kept-alive connection reusable; one abandoned midway closes it.
      if (!res.complete) res.destroy();
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private failureOf(e: unknown, signal: AbortSignal): FetchFailure {
    if (e instanceof FetchFailure) return e;
    const error = e as NodeJS.ErrnoException & { cause?: unknown };
    if (error?.cause instanceof FetchFailure) return error.cause;
    if (signal.aborted || error?.name === 'AbortError' || error?.name === 'TimeoutError')
      return new FetchFailure('FETCH_TIMEOUT', `no answer within ${this.options.timeoutMs} ms`);
    return new FetchFailure('FETCH_UNREACHABLE', `${error?.message ?? String(e)}${error?.code ? ` (${error.code})` : ''}`);
  }

  private rewritten(url: string): string {
    const r = this.options.rewrite;
    if (!r || !url.startsWith(r.from)) return url;
    return r.to.replace(/\/$/, '') + url.slice(r.from.replace(/\/$/, '').length);
  }
}

function parseUrl(url: string, base?: URL): URL {
  try {
    return new URL(url, base);
  } catch {
    throw new FetchFailure('FETCH_INVALID_URL', `${url} is not a URL`);
  }
}
