import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is an ordinary public unicast address. Loopback, link-local, private (RFC 1918,
 * fc00::/7), carrier-grade NAT, unspecified, multicast, broadcast, reserved and documentation ranges are not,
 * and neither are IPv4-mapped or NAT64 (64:ff9b::/96) forms of them, nor 6to4 and Teredo tunnels.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'rfc6052') {
    const bytes = v6.toByteArray();
    return new ipaddr.IPv4(bytes.slice(12)).range() === 'unicast';
  }
  return range === 'unicast';
}

/** The host part of a URL without IPv6 brackets, lower case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** Whether a host is an IP literal rather than a name. */
export const isIpLiteral = (host: string): boolean => isIP(host) !== 0;

/**
 * Hosts an operator trusts: they may be fetched over plain http and may resolve to non-public addresses.
 * An entry is `host` (any port) or `host:port`; IPv6 literals are written in brackets (`[::1]:8080`).
 */
export class HostAllowList {
  private readonly entries: { host: string; port?: string }[];

  constructor(entries: readonly string[]) {
    this.entries = entries
      .map((e) => e.trim())
      .filter(Boolean)
      .map(parseEntry);
  }

  /** Parses a comma-separated list as configuration gives it. */
  static parse(list: string | undefined): HostAllowList {
    return new HostAllowList((list ?? '').split(','));
  }

  /** Adds the host and port of a URL (the platform's own internal address). */
  withOrigin(url: string): HostAllowList {
    const u = new URL(url);
    return new HostAllowList([
      ...this.entries.map((e) => (e.port ? `${bracket(e.host)}:${e.port}` : bracket(e.host))),
      `${bracket(hostOf(u))}:${portOf(u)}`,
    ]);
  }

  allows(url: URL): boolean {
    const host = hostOf(url);
    const port = portOf(url);
    return this.entries.some((e) => e.host === host && (e.port === undefined || e.port === port));
  }

  get size(): number {
    return this.entries.length;
  }
}

function parseEntry(entry: string): { host: string; port?: string } {
  const u = new URL(`http://${entry}`);
  const explicitPort = /:\d+$/.test(entry);
  return { host: hostOf(u), ...(explicitPort ? { port: entry.slice(entry.lastIndexOf(':') + 1) } : {}) };
}

const bracket = (host: string): string => (host.includes(':') ? `[${host}]` : host);

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** The entries of a comma-separated host list as configuration gives it (`host` or `host:port`, IPv6 in brackets). */
export function hostListOf(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}
