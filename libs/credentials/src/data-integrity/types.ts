/** A JSON object (the shape every credential, proof and context object has). */
export type JsonObject = { [key: string]: unknown };

/** The Data Integrity cryptosuites this library implements. */
export type CryptosuiteName = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';

/** A `DataIntegrityProof` as it appears in a secured document. */
export interface DataIntegrityProof extends JsonObject {
  type: 'DataIntegrityProof';
  cryptosuite: CryptosuiteName | string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
  created?: string;
  expires?: string;
  id?: string;
  previousProof?: string | string[];
  '@context'?: unknown;
}

/** Options of one proof, everything but `proofValue` (and the `@context` the suite may add). */
export interface ProofOptions extends JsonObject {
  type: 'DataIntegrityProof';
  cryptosuite: CryptosuiteName;
  verificationMethod: string;
  proofPurpose: string;
  created?: string;
  expires?: string;
  id?: string;
  previousProof?: string | string[];
}

/** A document that carries one proof or a proof set/chain. */
export interface SecuredDocument extends JsonObject {
  proof: DataIntegrityProof | DataIntegrityProof[];
}
