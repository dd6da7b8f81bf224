import { createDocumentLoader, type DocumentLoader } from '@alliance/credentials';

/**
 * The W3C examples context (https://www.w3.org/ns/credentials/examples/v2), pinned by digest like the bundled
 * ones: the W3C test vectors and many sample credentials use it, and it defines nothing but a vocabulary.
 */
export const W3C_EXAMPLES_CONTEXT = {
  url: 'https://www.w3.org/ns/credentials/examples/v2',
  sha256: '57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c',
  content: '{\n  "@context": {\n    "@vocab": "https://www.w3.org/ns/credentials/examples#"\n  }\n}\n',
};

const loaders = new Map<string, DocumentLoader>();

/**
 * Contexts are never fetched: the platform's bundled set, the W3C examples context, and the platform's own served
 * contexts at the given base URLs (where issuance serves them), all from their pinned copies. One loader per set
 * of bases, so resolved contexts are cached across verifications.
 */
export function verificationDocumentLoader(contextBaseUrls: readonly string[] = []): DocumentLoader {
  const key = [...contextBaseUrls].sort().join(' ');
  let loader = loaders.get(key);
  if (!loader) loaders.set(key, (loader = createDocumentLoader({ extraContexts: [W3C_EXAMPLES_CONTEXT], servedAt: contextBaseUrls })));
  return loader;
}
