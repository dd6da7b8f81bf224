import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { HostAllowList, hostOf, isIpLiteral, isPublicAddress } from '../net/address-policy';
import type { ControllerDocument } from './controller-document';
import { didWebToUrl } from './did-web';
import { type DidWebDocumentResolver, DidWebResolutionError, type ResolvedDidWebDocument, tlsReason } from './did-web-resolution';

export interface DidWebHttpsResolverOptions {
  /** For the whole resolution, redirects and body included. */
  timeoutMs?: number;
  /** Largest body read; reading stops as soon as it is exceeded. */
  maxBytes?: number;
  maxRedirects?: number;
  /**
   * Hosts (`host` or `host:port`, IPv6 in brackets) whose addresses are not checked against `addressPolicy`, so
   * they may be loopback or private. They are still read over https with the normal certificate checks.
   */
  allowHosts?: readonly string[];
  /** Whether an address a name resolves to may be connected to; by default only public unicast addresses. */
  addressPolicy?: (address: string) => boolean;
  clock?: () => Date;
}

export const DID_WEB_TIMEOUT_MS = 5_000;
export const DID_WEB_MAX_BYTES = 256 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;
const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|ERR_TLS/;

class Blocked extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/**
 * Resolves did:web over HTTPS as the did:web method specifies (`did:web:example.com` is
 * `https://example.com/.well-known/did.json`, further segments are a path, `%3A` a port), with Node's normal
 * certificate checks, always on: only https URLs (redirects included), a deadline, a size cap, a JSON media type,
 * and a document whose `id` is the DID asked for. A DID names any host, so names are resolved once per
 * connection and the addresses actually connected to must pass the address policy (by default: public unicast
 * only, no loopback, link-local, private, CGNAT, unspecified, multicast or mapped forms of them) unless the
 * host is allow-listed. Error messages carry a stable code and no system error text; that goes to `detail`.
 */
export class DidWebHttpsResolver implements DidWebDocumentResolver {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly clock: () => Date;
  private readonly allowHosts: HostAllowList;
  private readonly addressPolicy: (address: string) => boolean;
  private readonly guardedLookup: LookupFunction;

  constructor(options: DidWebHttpsResolverOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DID_WEB_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DID_WEB_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.clock = options.clock ?? (() => new Date());
    this.allowHosts = new HostAllowList(options.allowHosts ?? []);
    this.addressPolicy = options.addressPolicy ?? isPublicAddress;
    this.guardedLookup = guardedLookupWith(this.addressPolicy);
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
    const json = parseJson(finalUrl, await this.readBody(response, finalUrl, signal));
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw new DidWebResolutionError('NOT_JSON', `${finalUrl} does not hold a JSON object`, finalUrl);
    }
    const id = (json as { id?: unknown }).id;
    if (id !== did) {
      throw new DidWebResolutionError('ID_MISMATCH', `the document at ${finalUrl} has id ${JSON.stringify(id)}, not ${did}`, finalUrl);
    }
    return { did, url: finalUrl, document: json as ControllerDocument, resolvedAt: this.clock().toISOString() };
  }

  private async fetchFollowing(start: string, signal: AbortSignal): Promise<{ response: IncomingMessage; finalUrl: string }> {
    let url = start;
    for (let hops = 0; ; hops++) {
      const target = requireHttps(url);
      const response = await this.request(target, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.destroy();
        if (hops >= this.maxRedirects)
          throw new DidWebResolutionError('HTTP_STATUS', `${start} redirects more than ${this.maxRedirects} times`, url);
        try {
          url = new URL(location, url).toString();
        } catch {
          throw new DidWebResolutionError('HTTP_STATUS', `${url} redirects to something that is not a URL`, url);
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new DidWebResolutionError('HTTP_STATUS', `${url} answered HTTP ${status}`, url);
      }
      return { response, finalUrl: url };
    }
  }

  private request(target: URL, signal: AbortSignal): Promise<IncomingMessage> {
    const url = target.toString();
    const trusted = this.allowHosts.allows(target);
    const host = hostOf(target);
    if (!trusted && isIpLiteral(host) && !this.addressPolicy(host)) {
      return Promise.reject(
        new DidWebResolutionError(
          'BLOCKED_ADDRESS',
          `refusing ${url}: not a public internet address`,
          url,
          `${host} is refused by the address policy`,
        ),
      );
    }
    if (signal.aborted) return Promise.reject(this.timedOut(url));
    return new Promise((resolve, reject) => {
      const req = httpsRequest(target, {
        method: 'GET',
        headers: { accept: 'application/did+json, application/did+ld+json;q=0.9, application/json;q=0.8' },
        agent: false,
        rejectUnauthorized: true,
        lookup: trusted ? undefined : this.guardedLookup,
        signal,
      });
      req.once('error', (e) => reject(signal.aborted ? this.timedOut(url) : this.networkError(e, url)));
      req.once('response', resolve);
      req.end();
    });
  }

  private async readBody(response: IncomingMessage, url: string, signal: AbortSignal): Promise<Uint8Array> {
    const mediaType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      response.destroy();
      throw new DidWebResolutionError(
        'NOT_JSON',
        `${url} answered ${mediaType || 'without a content type'}, not JSON (application/did+json or application/json)`,
        url,
      );
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      response.destroy();
      throw this.tooLarge(url);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of response) {
        total += (chunk as Buffer).byteLength;
        if (total > this.maxBytes) throw this.tooLarge(url);
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      if (e instanceof DidWebResolutionError) throw e;
      throw signal.aborted ? this.timedOut(url) : this.networkError(e, url);
    } finally {
      response.destroy();
    }
    return Buffer.concat(chunks);
  }

  private networkError(e: unknown, url: string): DidWebResolutionError {
    if (e instanceof DidWebResolutionError) return e;
    const error = e as NodeJS.ErrnoException & { cause?: unknown };
    const blocked = e instanceof Blocked ? e : error?.cause instanceof Blocked ? error.cause : undefined;
    if (blocked) return new DidWebResolutionError('BLOCKED_ADDRESS', `refusing ${url}: not a public internet address`, url, blocked.detail);
    if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return this.timedOut(url);
    const code = typeof error?.code === 'string' ? error.code : undefined;
    const detail = `${error?.message ?? String(e)}${code ? ` (${code})` : ''}`;
    if (code && TLS_ERROR.test(code))
      return new DidWebResolutionError('TLS_FAILED', `the TLS connection to ${url} was refused: ${tlsReason(code)}`, url, detail);
    return new DidWebResolutionError('UNREACHABLE', `${url} could not be reached`, url, detail);
  }

  private timedOut(url: string): DidWebResolutionError {
    return new DidWebResolutionError('TIMEOUT', `${url} did not answer within ${this.timeoutMs} ms`, url);
  }

  private tooLarge(url: string): DidWebResolutionError {
    return new DidWebResolutionError('TOO_LARGE', `the document at ${url} is larger than ${this.maxBytes} bytes`, url);
  }
}

function parseJson(url: string, bytes: Uint8Array): unknown {
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

function requireHttps(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DidWebResolutionError('INVALID_DID', `${url} is not a URL`, url);
  }
  if (parsed.protocol !== 'https:') {
    throw new DidWebResolutionError(
      'NOT_HTTPS',
      `refusing ${url}: DID documents are read over https only, never ${parsed.protocol.replace(/:$/, '')}`,
      url,
    );
  }
  return parsed;
}

/**
 * Resolves every address of a name and refuses the connection when any fails the policy; otherwise hands the
 * checked addresses to the socket, which connects to one of them and to nothing else.
 */
function guardedLookupWith(policy: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const blocked = addresses.find((a) => !policy(a.address));
      if (blocked || addresses.length === 0) {
        return callback(
          new Blocked(
            `${hostname} resolves to ${blocked?.address ?? 'no address'}, refused by the address policy`,
          ) as unknown as NodeJS.ErrnoException,
          '',
          0,
        );
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
