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

let loader: DocumentLoader | undefined;

/** Contexts are never fetched: the platform's bundled set plus the W3C examples context. */
export function verificationDocumentLoader(): DocumentLoader {
  return (loader ??= createDocumentLoader({ extraContexts: [W3C_EXAMPLES_CONTEXT] }));
}
