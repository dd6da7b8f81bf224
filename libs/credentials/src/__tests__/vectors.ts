// Test-only access to the shared reference vectors, which sit beside the repository clone.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDocumentLoader } from '../jsonld/document-loader';
import type { JsonObject } from '../data-integrity/types';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
export const VECTORS = resolve(repoRoot, '..', 'shared', 'vectors');

export function vectorPath(...parts: string[]): string {
  return resolve(VECTORS, ...parts);
}

export function readVectorText(...parts: string[]): string {
  return readFileSync(vectorPath(...parts), 'utf8');
}

export function readVectorJson<T = JsonObject>(...parts: string[]): T {
  return JSON.parse(readVectorText(...parts)) as T;
}

export const EXAMPLES_CONTEXT = {
  url: 'https://www.w3.org/ns/credentials/examples/v2',
  sha256: '57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c',
  file: vectorPath('contexts', 'credentials-examples-v2.jsonld'),
};

/** The bundled contexts plus the W3C examples context the vc-di-eddsa vectors use. */
export const vectorLoader = createDocumentLoader({ extraContexts: [EXAMPLES_CONTEXT] });

export const TV = (...parts: string[]): string[] => ['vc-di-eddsa', 'TestVectors', ...parts];
