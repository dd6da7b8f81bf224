/** Why an outbound fetch failed, as a stable code a public report may show. */
export type FetchFailureCode =
  | 'FETCH_INVALID_URL'
  | 'FETCH_NOT_HTTPS'
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_UNREACHABLE'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_NOT_JSON';

const PUBLIC_TEXT: Record<FetchFailureCode, string> = {
  FETCH_INVALID_URL: 'not a valid address',
  FETCH_NOT_HTTPS: 'only https addresses are fetched',
  FETCH_BLOCKED_ADDRESS: 'the address is not a public internet address',
  FETCH_UNREACHABLE: 'unreachable',
  FETCH_TIMEOUT: 'no answer in time',
  FETCH_TOO_LARGE: 'too large',
  FETCH_HTTP_STATUS: 'the server answered with an error status',
  FETCH_TOO_MANY_REDIRECTS: 'too many redirects',
  FETCH_NOT_JSON: 'not JSON',
};

/**
 * A failed fetch. `detail` (addresses, ports, system error codes) is for the server's log only; what the public
 * sees is {@link publicFetchError}: the same text for every cause within a code, so that a refused port, a host
 * that does not answer and a name that does not resolve cannot be told apart from outside.
 */
export class FetchFailure extends Error {
  override readonly name = 'FetchFailure';

  constructor(
    readonly code: FetchFailureCode,
    readonly detail: string,
    /** The HTTP status, for FETCH_HTTP_STATUS. */
    readonly status?: number,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** The text a report shows for a failed fetch: a short reason and its code, nothing about the network. */
export function publicFetchError(code: FetchFailureCode, status?: number): string {
  const text = code === 'FETCH_HTTP_STATUS' && status !== undefined ? `${PUBLIC_TEXT[code]} (HTTP ${status})` : PUBLIC_TEXT[code];
  return `${text} [${code}]`;
}
