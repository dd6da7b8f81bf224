// A verifier that is not ours reads a credential's status: @digitalbazaar/vc-bitstring-status-list, verifying each
// status list's eddsa-rdfc-2022 proof with @digitalbazaar's Data Integrity stack and fetching lists and DID documents
// over HTTP from the running platform (did:web on a loopback host is read over http).
// stdin: the credential (JSON). stdout: {verified, results: [{purpose, status}], error?}.
// Run as its own process because those packages are ES modules only.
import { readFileSync } from 'node:fs';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { standardDocumentLoader } from './standard-document-loader.mjs';

async function fetchJson(url) {
  const res = await fetch(url, { headers: { accept: 'application/json, application/ld+json, application/vc+ld+json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

const documentLoader = standardDocumentLoader(fetchJson);

const credential = JSON.parse(readFileSync(0, 'utf8'));
const result = await checkStatus({
  credential,
  documentLoader,
  suite: new DataIntegrityProof({ cryptosuite }),
  verifyBitstringStatusListCredential: true,
  verifyMatchingIssuers: true,
});
process.stdout.write(
  JSON.stringify({
    verified: result.verified,
    // The library reads one bit and answers it as a boolean: 1 when set.
    results: (result.results ?? []).map((r) => ({ purpose: r.credentialStatus?.statusPurpose, status: Number(r.status) })),
    ...(result.error ? { error: String(result.error.message ?? result.error) } : {}),
  }),
);
