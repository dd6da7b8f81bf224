/** Hosts a developer's machine answers on: the one place an SD-JWT VC issuer may be plain http. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `hostname` (as `URL.hostname` gives it) is a developer's own machine. */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK.has(hostname);

/**
 * An SD-JWT VC issuer identifier: an https URL without query or fragment, since verifiers build the issuer's
 * metadata URL from it (`/.well-known/jwt-vc-issuer`). Plain http is accepted on loopback hosts only, for a
 * platform running on a developer's machine. Throws a TypeError naming `field` otherwise.
 */
export function checkIssuerUrl(value: unknown, field: string): URL {
  if (typeof value !== 'string' || !URL.canParse(value)) throw new TypeError(`${field} must be an https URL, got ${String(value)}`);
  const url = new URL(value);
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure || url.search !== '' || url.hash !== '') {
    throw new TypeError(`${field} must be an https URL without query or fragment, got ${value}`);
  }
  return url;
}
