import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './spawn-process';

/** What @digitalbazaar/vc, fetching contexts over HTTP, says of a credential's proofs (see standard-credential-verifier.mjs). */
export interface StandardProofReading {
  /** verifyCredential() as it comes: the issuer's own proof verifies and is bound to the issuer. */
  issuer: { verified: boolean; error?: string };
  /** Every proof, each checked as an assertion by the key that made it. */
  proofs: { verificationMethod?: string; cryptosuite?: string; verified: boolean; error?: string }[];
  /** Every document it fetched over HTTP, with the response's headers and the SHA-256 of its bytes. */
  fetched: { url: string; status: number; contentType: string | null; etag: string | null; cacheControl: string | null; allowOrigin: string | null; sha256: string }[];
  error?: string;
}

/** Runs the standard verifier on a credential, in its own process (the @digitalbazaar packages are ES modules). */
export async function verifyProofsAsAStandardVerifier(credential: unknown): Promise<StandardProofReading> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'test', 'support', 'standard-credential-verifier.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(JSON.stringify(credential));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the standard credential verifier exited with ${code}: ${err}`);
  return JSON.parse(out) as StandardProofReading;
}
