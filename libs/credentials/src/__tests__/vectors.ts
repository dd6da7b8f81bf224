// Test-only access to the shared reference vectors, which sit beside the repository clone.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonObject } from '../data-integrity/types';
import { verifyCredential } from '../data-integrity/verify-credential';
import { createVerificationMethodResolver } from '../did/resolver';
import { createDocumentLoader } from '../jsonld/document-loader';

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

const resolveVerificationMethod = createVerificationMethodResolver();

/** Verifies `doc` with the did:key resolver and the vectors' contexts. */
export const verifyWithVectors = (doc: JsonObject) => verifyCredential(doc, { resolveVerificationMethod, documentLoader: vectorLoader });

/** The eddsa-rdfc-2022 signer a vector's proof configuration describes, signing with `privateKey`. */
export function rdfcSignerFrom(config: JsonObject, privateKey: string) {
  return {
    verificationMethod: config.verificationMethod as string,
    privateKey,
    cryptosuite: 'eddsa-rdfc-2022' as const,
    created: config.created as string,
    ...(config.id ? { id: config.id as string } : {}),
  };
}
