import { createDocumentLoader, type DocumentLoader } from '@alliance/credentials';
import type { IssuanceSettings } from './issuance-settings';

/** Where new credentials name the platform's JSON-LD contexts: CONTEXT_BASE_URL, else the public URL. */
export function contextBaseUrlOf(settings: IssuanceSettings): string {
  return settings.contextBaseUrl?.() ?? settings.publicUrl();
}

/**
 * The JSON-LD document loader issuance signs and checks proofs with: the bundled contexts, plus the platform's own
 * served contexts at the context base URL and at the public URL (where this service serves them itself), both
 * from their pinned copies. Built on first use, since the public URL may be the listening address.
 */
export function issuanceDocumentLoader(settings: IssuanceSettings): DocumentLoader {
  let built: { bases: string; loader: DocumentLoader } | undefined;
  return (url) => {
    const bases = [...new Set([contextBaseUrlOf(settings), settings.publicUrl()])];
    if (built?.bases !== bases.join(' ')) built = { bases: bases.join(' '), loader: createDocumentLoader({ servedAt: bases }) };
    return built.loader(url);
  };
}
