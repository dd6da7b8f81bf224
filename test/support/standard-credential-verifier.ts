import { runJsonScript } from './spawn-process';

/** What @digitalbazaar/vc, fetching contexts over HTTP, says of a credential's proofs (see standard-credential-verifier.mjs). */
export interface StandardProofReading {
  /** verifyCredential() as it comes: the issuer's own proof verifies and is bound to the issuer. */
  issuer: { verified: boolean; error?: string };
  /** Every proof, each checked as an assertion by the key that made it. */
  proofs: { verificationMethod?: string; cryptosuite?: string; verified: boolean; error?: string }[];
  /** Every document it fetched over HTTP, with the response's headers and the SHA-256 of its bytes. */
  fetched: {
    url: string;
    status: number;
    contentType: string | null;
    etag: string | null;
    cacheControl: string | null;
    allowOrigin: string | null;
    sha256: string;
  }[];
  error?: string;
}

/** Runs the standard verifier on a credential. */
export function verifyProofsAsAStandardVerifier(credential: unknown): Promise<StandardProofReading> {
  return runJsonScript('standard-credential-verifier.mjs', credential);
}
