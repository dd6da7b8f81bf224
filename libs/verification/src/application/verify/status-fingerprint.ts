import { createHash } from 'node:crypto';
import type { WebFetcher } from '../ports/web-fetcher.port';

/** Digests by list object: an unchanged list comes back as the same object (304), and need not be serialised again. */
const digests = new WeakMap<object, string>();

function digestOf(json: unknown): string {
  const held = typeof json === 'object' && json !== null ? digests.get(json) : undefined;
  if (held) return held;
  const digest = createHash('sha256').update(JSON.stringify(json)).digest('base64url');
  if (typeof json === 'object' && json !== null) digests.set(json, digest);
  return digest;
}

/**
 * What the status lists a credential points to say right now: each list's URL with a digest of the list as
 * fetched (through the same fetcher and cache the status check uses). Undefined when a list could not be
 * fetched: such a result is never reused. A document without `credentialStatus` has an empty fingerprint.
 */
export async function statusFingerprint(credential: unknown, lists: WebFetcher): Promise<string | undefined> {
  const status = (credential as { credentialStatus?: unknown } | null)?.credentialStatus;
  const entries = (Array.isArray(status) ? status : status === undefined ? [] : [status]) as { statusListCredential?: unknown }[];
  const urls = [...new Set(entries.map((e) => e?.statusListCredential).filter((u): u is string => typeof u === 'string'))];
  const parts: string[] = [];
  for (const url of urls.sort()) {
    const fetched = await lists.fetchJson(url);
    if (!fetched.ok) return undefined;
    parts.push(`${url} ${digestOf(fetched.json)}`);
  }
  return parts.join('\n');
}
