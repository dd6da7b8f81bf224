import * as jsonld from 'jsonld';
import { defaultDocumentLoader, type DocumentLoader } from './document-loader';

// jsonld.js keeps resolved contexts in one process-wide cache keyed by URL, which would let a context
// resolved through some other loader bypass ours. Each loader therefore gets its own resolver cache.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ContextResolver = require('jsonld/lib/ContextResolver') as new (options: { sharedCache: ResolverCache }) => unknown;

interface ResolverCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const caches = new WeakMap<DocumentLoader, ResolverCache>();

function cacheFor(loader: DocumentLoader): ResolverCache {
  let cache = caches.get(loader);
  if (!cache) caches.set(loader, (cache = new Map<string, unknown>()));
  return cache;
}

/** Thrown when a document cannot be turned into canonical N-Quads (unknown term, bad context, ...). */
export class CanonicalizationError extends Error {
  override readonly name = 'CanonicalizationError';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document as N-Quads, in safe mode: a term no context
 * defines, or a relative IRI, is an error rather than silently dropped data.
 */
export async function canonicalizeRdf(document: object, loader: DocumentLoader = defaultDocumentLoader()): Promise<string> {
  try {
    const options = {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      safe: true,
      base: null,
      documentLoader: loader,
      contextResolver: new ContextResolver({ sharedCache: cacheFor(loader) }),
    };
    return (await jsonld.canonize(document as jsonld.JsonLdDocument, options as unknown as jsonld.Options.Normalize)) as string;
  } catch (e) {
    const root = rootCause(e);
    if (root instanceof Error && root !== e && 'code' in root) throw root;
    throw new CanonicalizationError(`RDF canonicalization failed: ${describe(e)}`, e);
  }
}

function rootCause(e: unknown): unknown {
  let current = e;
  for (let depth = 0; depth < 8; depth++) {
    const details = (current as { details?: { cause?: unknown } } | undefined)?.details;
    const next = details?.cause ?? (current as { cause?: unknown } | undefined)?.cause;
    if (!next) return current;
    current = next;
  }
  return current;
}

function describe(e: unknown): string {
  const err = e as { message?: string; details?: { event?: { message?: string } } };
  const event = err?.details?.event?.message;
  return [err?.message ?? String(e), event].filter(Boolean).join(': ');
}
