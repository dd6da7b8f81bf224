// A verifier that is not ours reads a credential's status: @digitalbazaar/vc-bitstring-status-list, verifying each
// status list's eddsa-rdfc-2022 proof with @digitalbazaar's Data Integrity stack and fetching lists and DID documents
// over HTTP from the running platform (did:web on a loopback host is read over http).
// stdin: the credential (JSON). stdout: {verified, results: [{purpose, status}], error?}.
// Run as its own process because those packages are ES modules only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const contexts = join(import.meta.dirname, '..', '..', 'libs', 'credentials', 'src', 'contexts');
// Standard contexts held locally, as any verifier does; everything else is fetched.
const local = new Map([
  ['https://www.w3.org/ns/credentials/v2', JSON.parse(readFileSync(join(contexts, 'credentials-v2.jsonld'), 'utf8'))],
  ['https://www.w3.org/ns/credentials/status/v1', JSON.parse(readFileSync(join(contexts, 'credentials-status-v1.jsonld'), 'utf8'))],
  [
    'https://w3id.org/security/multikey/v1',
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'vectors', 'contexts', 'multikey-v1.jsonld'), 'utf8')),
  ],
]);

function didWebUrl(did) {
  const [host, ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const scheme = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host) ? 'http' : 'https';
  return path.length ? `${scheme}://${host}/${path.join('/')}/did.json` : `${scheme}://${host}/.well-known/did.json`;
}

async function fetchJson(url) {
  const res = await fetch(url, { headers: { accept: 'application/json, application/ld+json, application/vc+ld+json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

async function documentLoader(url) {
  if (local.has(url)) return { contextUrl: null, documentUrl: url, document: local.get(url) };
  if (url.startsWith('did:web:')) {
    const [did, fragment] = url.split('#');
    const doc = await fetchJson(didWebUrl(did));
    if (!fragment) return { contextUrl: null, documentUrl: url, document: doc };
    const method = doc.verificationMethod.find((m) => m.id === url);
    if (!method) throw new Error(`${url} is not in ${did}'s document`);
    return { contextUrl: null, documentUrl: url, document: { '@context': 'https://w3id.org/security/multikey/v1', ...method } };
  }
  if (/^https?:\/\//.test(url)) return { contextUrl: null, documentUrl: url, document: await fetchJson(url) };
  throw new Error(`cannot load ${url}`);
}

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
