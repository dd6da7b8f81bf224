import { defaultDocumentLoader, type DocumentLoader } from '../jsonld/document-loader';
import type { KeyObject } from 'node:crypto';
import { type Ed25519PrivateKeyInput, toPrivateKeyObject } from '../keys/ed25519';
import { type CanonicalDocumentCache, cryptosuiteOf } from './cryptosuite';
import { createProof } from './create-proof';
import { ProofGenerationError } from './errors';
import type { CryptosuiteName, DataIntegrityProof, JsonObject, ProofOptions } from './types';

/** One party that adds a proof: its key, the method that publishes the key, and the suite to use. */
export interface Signer {
  /** URL of the verification method, e.g. `did:web:uni.example#key-1` or `did:key:z6Mk…#z6Mk…`. */
  verificationMethod: string;
  /**
   * 32-byte Ed25519 seed, `z…` Multikey secret, or a node:crypto private KeyObject; or, for a key that never
   * leaves its holder (an HSM), a function that returns the raw Ed25519 signature of the bytes it is given.
   */
  privateKey: Ed25519PrivateKeyInput | ExternalEd25519Signer;
  cryptosuite: CryptosuiteName;
  /** Proof creation time; defaults to now, to the second. Injectable so signatures are reproducible. */
  created?: string | Date;
  /** Optional proof id, needed when a later proof will chain to this one. */
  id?: string;
  /** Defaults to `assertionMethod`, the relationship credential issuance uses. */
  proofPurpose?: string;
  expires?: string | Date;
}

/** Signs the hash data with a key held elsewhere (a PKCS#11 token, a remote signer); returns 64 signature bytes. */
export type ExternalEd25519Signer = (data: Uint8Array) => Promise<Uint8Array> | Uint8Array;

/** Options shared by {@link signCredential} and {@link addChainedProof}. */
export interface SignOptions {
  documentLoader?: DocumentLoader;
}

/**
 * Adds one proof per signer to a proof set (VC Data Integrity 1.0 §2.1.1, §4.3). Each new proof covers the
 * document without any `proof`; proofs already present are kept. The output `proof` is always an array,
 * the form the Open Badges 3.0 schema requires.
 */
export async function signCredential<T extends JsonObject>(
  document: T,
  signers: readonly Signer[],
  options: SignOptions = {},
): Promise<T & { proof: DataIntegrityProof[] }> {
  if (signers.length === 0) throw new ProofGenerationError('at least one signer is required');
  const loader = options.documentLoader ?? defaultDocumentLoader();
  const existing = proofsOf(document);
  const unsecured = withoutProof(document);
  const cache: CanonicalDocumentCache = new Map();
  const added = await Promise.all(signers.map((s) => proofBy(s, unsecured, undefined, loader, cache)));
  return { ...unsecured, proof: [...existing, ...added] } as T & { proof: DataIntegrityProof[] };
}

/**
 * Adds a proof that chains to earlier ones (§2.1.2, §4.3): it covers the document together with the
 * proofs named by `previousProof`, so those cannot be removed or altered without breaking it.
 */
export async function addChainedProof<T extends JsonObject>(
  document: T,
  signer: Signer & { previousProof: string | string[] },
  options: SignOptions = {},
): Promise<T & { proof: DataIntegrityProof[] }> {
  const loader = options.documentLoader ?? defaultDocumentLoader();
  const allProofs = proofsOf(document);
  const matching = matchingProofs(allProofs, signer.previousProof);
  if ('missing' in matching) throw new ProofGenerationError(`previousProof ${matching.missing} matches no proof in the document`);
  const unsecured = withoutProof(document);
  const proof = await proofBy(signer, { ...unsecured, proof: matching.proofs }, signer.previousProof, loader);
  return { ...unsecured, proof: [...allProofs, proof] } as T & { proof: DataIntegrityProof[] };
}

async function proofBy(
  signer: Signer,
  inputDocument: JsonObject,
  previousProof: string | string[] | undefined,
  loader: DocumentLoader,
  cache?: CanonicalDocumentCache,
): Promise<DataIntegrityProof> {
  const suite = cryptosuiteOf(signer.cryptosuite);
  if (!suite) throw new ProofGenerationError(`unsupported cryptosuite ${String(signer.cryptosuite)}`);
  let key: KeyObject | ExternalEd25519Signer;
  try {
    key = typeof signer.privateKey === 'function' ? signer.privateKey : toPrivateKeyObject(signer.privateKey);
  } catch (e) {
    throw new ProofGenerationError(`unusable private key for ${signer.verificationMethod}: ${(e as Error).message}`);
  }
  const options: ProofOptions = {
    type: 'DataIntegrityProof',
    ...(signer.id ? { id: signer.id } : {}),
    cryptosuite: signer.cryptosuite,
    created: dateTime(signer.created ?? new Date()),
    ...(signer.expires ? { expires: dateTime(signer.expires) } : {}),
    verificationMethod: signer.verificationMethod,
    proofPurpose: signer.proofPurpose ?? 'assertionMethod',
    ...(previousProof !== undefined ? { previousProof } : {}),
  };
  return createProof(suite, inputDocument, options, key, loader, cache);
}

/** Every proof of a document as a list (none, one object, or a set). */
export function proofsOf(document: JsonObject): DataIntegrityProof[] {
  const proof = document.proof;
  if (proof === undefined || proof === null) return [];
  return (Array.isArray(proof) ? proof : [proof]) as DataIntegrityProof[];
}

/** A shallow copy of the document without its `proof`. */
export function withoutProof<T extends JsonObject>(document: T): Omit<T, 'proof'> {
  const copy: JsonObject = { ...document };
  delete copy.proof;
  return copy as Omit<T, 'proof'>;
}

/** The proofs a `previousProof` value names, or the first id that names none. */
export function matchingProofs(
  allProofs: readonly DataIntegrityProof[],
  previousProof: unknown,
): { proofs: DataIntegrityProof[] } | { missing: string } {
  const ids = typeof previousProof === 'string' ? [previousProof] : Array.isArray(previousProof) ? previousProof : [];
  const proofs: DataIntegrityProof[] = [];
  for (const id of ids) {
    const found = typeof id === 'string' ? allProofs.find((p) => p.id === id) : undefined;
    if (!found) return { missing: String(id) };
    proofs.push(found);
  }
  return { proofs };
}

function dateTime(value: string | Date): string {
  if (typeof value === 'string') return value;
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
