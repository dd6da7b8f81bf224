import { Logger } from '@nestjs/common';
import { SHARE_TOKEN, type SharedCredential, SharedCredentials } from '../../application/ports/shared-credentials.port';
import { HttpWebFetcher, type HttpWebFetcherOptions } from './http-web-fetcher';

/** A token in a logged URL or detail, masked: whoever reads the log must not be able to open the link. */
const TOKEN_IN_TEXT = /(\/shared-credentials\/)[A-Za-z0-9_-]+/g;

function masked(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_IN_TEXT, '$1***');
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
}

export interface IssuanceSharedCredentialsOptions extends Pick<HttpWebFetcherOptions, 'timeoutMs' | 'connectTimeoutMs' | 'maxBytes'> {
  /** Where issuance is reached: its internal URL when configured, else its public URL; unset, nothing is fetched. */
  issuanceUrl: string | undefined;
  /** Headers for issuance only (the in-process admission pass of the one-process platform). */
  headers?: Record<string, string>;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Shared credentials from the configured issuance service, through verification's guarded fetcher: the caller,
 * anonymous, chooses only a token of a fixed alphabet; the host and the path are configuration. No redirect is
 * followed, and the deadline and size cap of every outbound fetch apply. Logs never carry the token.
 */
export class IssuanceSharedCredentials extends SharedCredentials {
  private readonly fetcher: HttpWebFetcher | undefined;
  private readonly base: string | undefined;

  constructor(options: IssuanceSharedCredentialsOptions) {
    super();
    const logger = options.logger ?? new Logger('SharedCredentials');
    this.base = options.issuanceUrl?.replace(/\/+$/, '');
    this.fetcher = this.base
      ? new HttpWebFetcher({
          timeoutMs: options.timeoutMs,
          ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
          ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
          maxRedirects: 0,
          // Through the rewrite to itself the configured address is trusted like the status-list target (http, a private address).
          rewrite: { from: `${this.base}/`, to: `${this.base}/` },
          ...(options.headers ? { rewriteHeaders: options.headers } : {}),
          logger: { warn: (entry: unknown) => logger.warn(masked(entry)) },
        })
      : undefined;
    if (!this.base) logger.warn({ msg: 'no issuance URL is configured: shared credentials cannot be fetched' });
  }

  async fetch(token: string): Promise<SharedCredential> {
    if (!this.fetcher || !SHARE_TOKEN.test(token)) return { found: false, reason: this.fetcher ? 'gone' : 'unavailable' };
    const fetched = await this.fetcher.fetchResource(`${this.base}/shared-credentials/${token}`);
    if (!fetched.ok)
      return { found: false, reason: fetched.code === 'FETCH_HTTP_STATUS' && fetched.status === 404 ? 'gone' : 'unavailable' };
    if (fetched.status !== 200) return { found: false, reason: 'unavailable' };
    const credential = fetched.json;
    if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return { found: false, reason: 'unavailable' };
    return { found: true, credential: credential as Record<string, unknown> };
  }
}
