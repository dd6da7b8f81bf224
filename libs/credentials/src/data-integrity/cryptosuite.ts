import { createHash } from 'node:crypto';
import type { DocumentLoader } from '../jsonld/document-loader';
import { defaultDocumentLoader } from '../jsonld/document-loader';
import { eddsaJcs2022 } from './eddsa-jcs-2022';
import { eddsaRdfc2022 } from './eddsa-rdfc-2022';
import { ProofGenerationError } from './errors';
import type { CryptosuiteName, JsonObject } from './types';

/** The two steps in which the EdDSA suites differ; hashing and signing are shared. */
export interface Cryptosuite {
  readonly name: CryptosuiteName;
  /** Whether the created proof keeps the document's `@context` (JCS does, so that proof sets stay verifiable). */
  readonly proofCarriesContext: boolean;
  canonicalizeDocument(document: JsonObject, loader: DocumentLoader): Promise<string>;
  canonicalizeProofConfig(proofConfig: JsonObject, loader: DocumentLoader): Promise<string>;
}

const SUITES: Record<CryptosuiteName, Cryptosuite> = {
  'eddsa-rdfc-2022': eddsaRdfc2022,
  'eddsa-jcs-2022': eddsaJcs2022,
};

/** The suite of that name, or undefined when this library does not implement it. */
export function cryptosuiteOf(name: unknown): Cryptosuite | undefined {
  return typeof name === 'string' && Object.hasOwn(SUITES, name) ? SUITES[name as CryptosuiteName] : undefined;
}

/** Intermediate values of one proof, exposed so tests can compare them with published vectors. */
export interface HashDataResult {
  canonicalDocument: string;
  canonicalProofConfig: string;
  /** SHA-256(canonicalProofConfig) ‖ SHA-256(canonicalDocument): 64 bytes, proof hash first. */
  hashData: Uint8Array;
}

// XML Schema dateTime with a mandatory time zone, as VC Data Integrity requires for `created`.
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks the proof configuration rules of the EdDSA suites (type, cryptosuite, `created`). */
export function assertProofConfig(suite: Cryptosuite, proofConfig: JsonObject): void {
  if (proofConfig.type !== 'DataIntegrityProof')
    throw new ProofGenerationError(`proof type must be DataIntegrityProof, got ${String(proofConfig.type)}`);
  if (proofConfig.cryptosuite !== suite.name)
    throw new ProofGenerationError(`proof cryptosuite must be ${suite.name}, got ${String(proofConfig.cryptosuite)}`);
  for (const field of ['created', 'expires'] as const) {
    const value = proofConfig[field];
    if (value !== undefined && (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new ProofGenerationError(`proof ${field} must be an XML Schema dateTime with a time zone, got ${JSON.stringify(value)}`);
    }
  }
}

/**
 * Canonical documents already computed during one sign or verify call. Every member of a proof set covers
 * the same document, so RDF canonicalization, by far the slowest step, then runs once instead of per proof.
 */
export type CanonicalDocumentCache = Map<string, Promise<string>>;

/** Canonicalizes both inputs and joins their SHA-256 digests, proof configuration first. */
export async function computeHashData(
  suite: Cryptosuite,
  document: JsonObject,
  proofConfig: JsonObject,
  loader: DocumentLoader = defaultDocumentLoader(),
  cache?: CanonicalDocumentCache,
): Promise<HashDataResult> {
  assertProofConfig(suite, proofConfig);
  const [canonicalProofConfig, canonicalDocument] = await Promise.all([
    suite.canonicalizeProofConfig(proofConfig, loader),
    canonicalDocumentOf(suite, document, loader, cache),
  ]);
  const hashData = new Uint8Array(64);
  hashData.set(sha256(canonicalProofConfig), 0);
  hashData.set(sha256(canonicalDocument), 32);
  return { canonicalDocument, canonicalProofConfig, hashData };
}

function canonicalDocumentOf(
  suite: Cryptosuite,
  document: JsonObject,
  loader: DocumentLoader,
  cache?: CanonicalDocumentCache,
): Promise<string> {
  if (!cache) return suite.canonicalizeDocument(document, loader);
  const key = `${suite.name} ${JSON.stringify(document)}`;
  let pending = cache.get(key);
  if (!pending) cache.set(key, (pending = suite.canonicalizeDocument(document, loader)));
  return pending;
}

function sha256(text: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
}
