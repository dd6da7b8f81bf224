import { BitstringStatusList, StatusListError } from '@alliance/credentials';
import { Logger } from '@nestjs/common';
import type { FetchedJson, WebFetcher } from '../../application/ports/web-fetcher.port';
import { publicFetchError } from './fetch-failure';
import type { FetchedJsonFailure } from './http-web-fetcher';

export interface StatusListFetcherOptions {
  /** Refuse a status list whose bitstring inflates beyond this many bytes. */
  maxDecompressedBytes: number;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Fetches status list credentials and refuses, as FETCH_TOO_LARGE, one whose `encodedList` inflates beyond
 * the cap: a list of a few kilobytes may expand to gigabytes. The inflation stops at the cap. Anything else is
 * passed on for the status check to judge.
 */
export class StatusListFetcher implements WebFetcher {
  private readonly logger: Pick<Logger, 'warn'>;
  /** Lists already inflated within the cap: a cache hands back the same object, which need not be inflated again. */
  private readonly withinCap = new WeakSet<object>();

  constructor(
    private readonly inner: WebFetcher,
    private readonly options: StatusListFetcherOptions,
  ) {
    this.logger = options.logger ?? new Logger('StatusListFetcher');
  }

  async fetchJson(url: string): Promise<FetchedJson> {
    const fetched = await this.inner.fetchJson(url);
    if (!fetched.ok) return fetched;
    const encodedList = (fetched.json as { credentialSubject?: { encodedList?: unknown } } | null)?.credentialSubject?.encodedList;
    if (typeof encodedList !== 'string') return fetched;
    const list = fetched.json as object;
    if (this.withinCap.has(list)) return fetched;
    try {
      BitstringStatusList.decode(encodedList, 1, { maxDecompressedBytes: this.options.maxDecompressedBytes });
      this.withinCap.add(list);
    } catch (e) {
      if (e instanceof StatusListError && e.code === 'STATUS_LIST_LENGTH_ERROR') {
        this.logger.warn({
          msg: 'status list refused',
          url,
          code: 'FETCH_TOO_LARGE',
          detail: e.message,
          encodedLength: encodedList.length,
        });
        const answer: FetchedJsonFailure = { ok: false, url, error: publicFetchError('FETCH_TOO_LARGE'), code: 'FETCH_TOO_LARGE' };
        return answer;
      }
    }
    return fetched;
  }
}
