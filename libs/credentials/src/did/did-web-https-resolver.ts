import type { ControllerDocument } from './controller-document';
import { didWebToUrl } from './did-web';

/** Why a did:web document could not be resolved, as a stable code. */
export type DidWebResolutionErrorCode =
  | 'INVALID_DID'
  | 'NOT_HTTPS'
  | 'UNREACHABLE'
  | 'TLS_FAILED'
  | 'TIMEOUT'
  | 'HTTP_STATUS'
  | 'NOT_JSON'
  | 'TOO_LARGE'
  | 'ID_MISMATCH';

export class DidWebResolutionError extends Error {
  override readonly name = 'DidWebResolutionError';

  constructor(
    readonly code: DidWebResolutionErrorCode,
    message: string,
    /** The URL that was (or would have been) fetched. */
    readonly url?: string,
  ) {
    super(message);
  }
}

export interface ResolvedDidWebDocument {
  did: string;
  /** Where the document was read (after any redirect). */
  url: string;
  document: ControllerDocument;
  resolvedAt: string;
}

/** Anything that turns a did:web into its document or throws {@link DidWebResolutionError}. */
export interface DidWebDocumentResolver {
  resolve(did: string): Promise<ResolvedDidWebDocument>;
}

export interface DidWebHttpsResolverOptions {
  /** For the whole resolution, redirects and body included. */
  timeoutMs?: number;
  /** Largest body read; reading stops as soon as it is exceeded. */
  maxBytes?: number;
  maxRedirects?: number;
  clock?: () => Date;
}

export const DID_WEB_TIMEOUT_MS = 5_000;
export const DID_WEB_MAX_BYTES = 256 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;
const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/;

/**
 * Resolves did:web over HTTPS as the did:web method specifies (`did:web:example.com` is
 * `https://example.com/.well-known/did.json`, further segments are a path, `%3A` a port), with Node's fetch
 * and its normal certificate checks: only https URLs (redirects included), a deadline, a size cap, a JSON
 * media type, and a document whose `id` is the DID asked for.
 */
export class DidWebHttpsResolver implements DidWebDocumentResolver {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly clock: () => Date;

  constructor(options: DidWebHttpsResolverOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DID_WEB_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DID_WEB_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.clock = options.clock ?? (() => new Date());
  }

  async resolve(did: string): Promise<ResolvedDidWebDocument> {
    let url: string;
    try {
      url = didWebToUrl(did);
    } catch (e) {
      throw new DidWebResolutionError('INVALID_DID', (e as Error).message);
    }
    const signal = AbortSignal.timeout(this.timeoutMs);
    const { response, finalUrl } = await this.fetchFollowing(url, signal);
    const json = await this.readJson(response, finalUrl, signal);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw new DidWebResolutionError('NOT_JSON', `${finalUrl} does not hold a JSON object`, finalUrl);
    }
    const id = (json as { id?: unknown }).id;
    if (id !== did) {
      throw new DidWebResolutionError('ID_MISMATCH', `the document at ${finalUrl} has id ${JSON.stringify(id)}, not ${did}`, finalUrl);
    }
    return { did, url: finalUrl, document: json as ControllerDocument, resolvedAt: this.clock().toISOString() };
  }

  private async fetchFollowing(start: string, signal: AbortSignal): Promise<{ response: Response; finalUrl: string }> {
    let url = start;
    for (let hops = 0; ; hops++) {
      requireHttps(url);
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { accept: 'application/did+json, application/did+ld+json;q=0.9, application/json;q=0.8' },
          redirect: 'manual',
          signal,
        });
      } catch (e) {
        throw signal.aborted ? this.timedOut(url) : this.networkError(e, url);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hops >= this.maxRedirects) throw new DidWebResolutionError('HTTP_STATUS', `${start} redirects more than ${this.maxRedirects} times`, url);
        url = new URL(location, url).toString();
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new DidWebResolutionError('HTTP_STATUS', `${url} answered HTTP ${response.status}`, url);
      }
      return { response, finalUrl: url };
    }
  }

  private async readJson(response: Response, url: string, signal: AbortSignal): Promise<unknown> {
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      await response.body?.cancel().catch(() => undefined);
      throw new DidWebResolutionError('NOT_JSON', `${url} answered ${mediaType || 'without a content type'}, not JSON (application/did+json or application/json)`, url);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw this.tooLarge(url);
    }
    const bytes = await this.readCapped(response, url, signal);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new DidWebResolutionError('NOT_JSON', `${url} is not UTF-8 text`, url);
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new DidWebResolutionError('NOT_JSON', `${url} is not valid JSON: ${(e as Error).message}`, url);
    }
  }

  private async readCapped(response: Response, url: string, signal: AbortSignal): Promise<Uint8Array> {
    if (!response.body) return new Uint8Array();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > this.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw this.tooLarge(url);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof DidWebResolutionError) throw e;
      throw signal.aborted ? this.timedOut(url) : this.networkError(e, url);
    }
    return Buffer.concat(chunks);
  }

  private networkError(e: unknown, url: string): DidWebResolutionError {
    const error = e as Error & { cause?: { code?: string; message?: string; errors?: { code?: string; message?: string }[] } };
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return this.timedOut(url);
    const cause = error.cause?.errors?.[0] ?? error.cause;
    const code = cause?.code;
    const detail = `${cause?.message ?? error.message}${code ? ` (${code})` : ''}`;
    if (code && TLS_ERROR.test(code)) return new DidWebResolutionError('TLS_FAILED', `the TLS connection to ${url} was refused: ${detail}`, url);
    return new DidWebResolutionError('UNREACHABLE', `${url} could not be reached: ${detail}`, url);
  }

  private timedOut(url: string): DidWebResolutionError {
    return new DidWebResolutionError('TIMEOUT', `${url} did not answer within ${this.timeoutMs} ms`, url);
  }

  private tooLarge(url: string): DidWebResolutionError {
    return new DidWebResolutionError('TOO_LARGE', `the document at ${url} is larger than ${this.maxBytes} bytes`, url);
  }
}

function requireHttps(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new DidWebResolutionError('INVALID_DID', `${url} is not a URL`, url);
  }
  if (protocol !== 'https:') {
    throw new DidWebResolutionError('NOT_HTTPS', `refusing ${url}: DID documents are read over https only, never ${protocol.replace(/:$/, '')}`, url);
  }
}
