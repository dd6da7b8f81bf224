import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BUNDLED_CONTEXTS, type BundledContext } from './bundled-contexts';
import { servedContextsAt } from './served-contexts';

/** Thrown for a context URL that is not bundled: contexts are never fetched from the network. */
export class UnknownContextError extends Error {
  override readonly name = 'UnknownContextError';
  readonly code = 'UNKNOWN_CONTEXT';
  constructor(readonly url: string) {
    super(`JSON-LD context ${url} is not bundled with this verifier and is never fetched from the network`);
  }
}

/** Thrown when a bundled context's bytes do not hash to the pinned digest. */
export class ContextIntegrityError extends Error {
  override readonly name = 'ContextIntegrityError';
  readonly code = 'CONTEXT_DIGEST_MISMATCH';
  constructor(
    readonly url: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`bundled JSON-LD context ${url} has sha256 ${actual}, expected the pinned ${expected}`);
  }
}

/** What jsonld.js expects a document loader to return. */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

/** A jsonld.js document loader restricted to a fixed set of digest-pinned contexts. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Options of {@link createDocumentLoader}. */
export interface DocumentLoaderOptions {
  /** Replaces the bundled set entirely. */
  contexts?: readonly BundledContext[];
  /** Added to the bundled set (a test's example context, a partner's published context). */
  extraContexts?: readonly BundledContext[];
  /**
   * Public base URLs the platform serves its own contexts under (SERVED_CONTEXTS): their URLs there resolve to the
   * pinned bytes. A URL identifies its content, so the same path on any other host stays unknown.
   */
  servedAt?: readonly string[];
}

/**
 * Creates a loader that serves only the given contexts, each checked against its pinned SHA-256 the first
 * time it is read; an unknown URL or a digest mismatch rejects.
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const entries = new Map<string, BundledContext>();
  const served = (options.servedAt ?? []).flatMap((base) => servedContextsAt(base));
  for (const c of [...(options.contexts ?? BUNDLED_CONTEXTS), ...served, ...(options.extraContexts ?? [])]) entries.set(c.url, c);
  const parsed = new Map<string, unknown>();
  return async (url: string): Promise<RemoteDocument> => {
    let document = parsed.get(url);
    if (document === undefined) {
      const entry = entries.get(url);
      if (!entry) throw new UnknownContextError(url);
      document = readVerified(entry);
      parsed.set(url, document);
    }
    return { contextUrl: null, documentUrl: url, document };
  };
}

function readVerified(entry: BundledContext): unknown {
  const bytes = entry.content !== undefined ? Buffer.from(entry.content) : entry.file ? readFileSync(entry.file) : undefined;
  if (!bytes) throw new UnknownContextError(entry.url);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== entry.sha256.toLowerCase()) throw new ContextIntegrityError(entry.url, entry.sha256, actual);
  return deepFreeze(JSON.parse(bytes.toString('utf8')));
}

// Parsed contexts are shared by every canonicalization; freezing stops one caller from altering another's.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

let shared: DocumentLoader | undefined;

/** The loader over {@link BUNDLED_CONTEXTS}, created once. */
export function defaultDocumentLoader(): DocumentLoader {
  return (shared ??= createDocumentLoader());
}
