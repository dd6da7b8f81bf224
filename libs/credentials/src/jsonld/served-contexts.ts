import { join } from 'node:path';
import type { BundledContext } from './bundled-contexts';

const dir = join(__dirname, '..', 'contexts');

/**
 * A context the platform itself publishes, at `{base}/contexts/{path}` under its public URL: the bytes are fixed
 * and pinned like the other bundled contexts, while the URL depends on where a deployment serves them.
 */
export interface ServedContext {
  /** Below `{base}/contexts/`, e.g. `microcredential/v2`. A new content always gets a new path. */
  path: string;
  /** Hex SHA-256 of the exact bytes. */
  sha256: string;
  /** Absolute path of the file holding the bytes. */
  file: string;
}

/** Path of the micro-credential extension context new credentials name (Annex I elements Open Badges has no property for). */
export const MICROCREDENTIAL_CONTEXT_PATH = 'microcredential/v2';

/**
 * The contexts the platform serves. Version 2 is the one credentials name; version 1 is served too so that anyone
 * can read what credentials naming its original URL mean. Both are immutable: changing a byte needs a new version.
 */
export const SERVED_CONTEXTS: readonly ServedContext[] = [
  {
    path: 'microcredential/v1',
    sha256: 'a94e201bc521bfe6a74ccf371b626b0a4d38b8c451c3a5db8ee0aba4aa1600e8',
    file: join(dir, 'microcredential-v1.jsonld'),
  },
  {
    path: MICROCREDENTIAL_CONTEXT_PATH,
    sha256: '6434b8d811479ec255c9268d94de592d193ec57df932571cc43ef827b57eff20',
    file: join(dir, 'microcredential-v2.jsonld'),
  },
];

/** Thrown for a context base URL that is not an absolute http(s) URL without query or fragment. */
export class InvalidContextBaseUrlError extends Error {
  override readonly name = 'InvalidContextBaseUrlError';
  readonly code = 'INVALID_CONTEXT_BASE_URL';
  constructor(readonly baseUrl: string) {
    super(`context base URL ${JSON.stringify(baseUrl)} must be an absolute http(s) URL without query or fragment`);
  }
}

/** A base URL in the one form context URLs are built from: validated, without a trailing slash. */
export function contextBaseUrlOf(baseUrl: string): string {
  const parsed = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new InvalidContextBaseUrlError(baseUrl);
  }
  return parsed.href.replace(/\/+$/, '');
}

/** `{base}/contexts/{path}`: where the platform at `baseUrl` serves a context. */
export function servedContextUrl(baseUrl: string, path: string): string {
  return `${contextBaseUrlOf(baseUrl)}/contexts/${path}`;
}

/** The URL of the micro-credential extension context as the platform at `baseUrl` serves it. */
export function microcredentialContextUrl(baseUrl: string): string {
  return servedContextUrl(baseUrl, MICROCREDENTIAL_CONTEXT_PATH);
}

/**
 * The served contexts as bundled entries for the platform at `baseUrl`: each URL under that base resolves to the
 * pinned bytes. Only these exact URLs do; the same path on any other host stays unknown.
 */
export function servedContextsAt(baseUrl: string): BundledContext[] {
  return SERVED_CONTEXTS.map((c) => ({ url: servedContextUrl(baseUrl, c.path), sha256: c.sha256, file: c.file }));
}
