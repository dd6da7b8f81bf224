// A verifier that is not ours checks a credential's Data Integrity proofs: @digitalbazaar/vc with the
// @digitalbazaar eddsa-rdfc-2022 cryptosuite. It holds the standard W3C and Open Badges contexts locally, as any
// verifier does, and fetches everything else over HTTP: the platform's extension context from wherever the
// credential names it, and the members' did:web documents (over http on a loopback host).
// @digitalbazaar/vc's own check binds a proof to the credential's issuer, so it passes when the issuer's proof
// does; each co-signer's proof is then checked as an assertion by its own key (the assertionMethod of its DID).
// stdin: the credential (JSON). stdout: {issuer: {verified, error?}, proofs: [{verificationMethod, verified, error?}], fetched, error?}.
// Run as its own process because those packages are ES modules only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { standardDocumentLoader } from './standard-document-loader.mjs';

// The proof purposes of the very jsonld-signatures @digitalbazaar/vc runs on.
const { purposes } = createRequire(import.meta.resolve('@digitalbazaar/vc'))('jsonld-signatures');

/** Every document fetched over HTTP, with what came back. */
const fetched = [];

async function fetchJson(url) {
  const res = await fetch(url, { headers: { accept: 'application/ld+json, application/json' } });
  const bytes = Buffer.from(await res.arrayBuffer());
  fetched.push({
    url,
    status: res.status,
    contentType: res.headers.get('content-type'),
    etag: res.headers.get('etag'),
    cacheControl: res.headers.get('cache-control'),
    allowOrigin: res.headers.get('access-control-allow-origin'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return JSON.parse(bytes.toString('utf8'));
}

// Each URL is fetched once and then read from this cache, as a verifier's HTTP cache would.
const cache = new Map();
const fetchOnce = (url) => {
  if (!cache.has(url)) cache.set(url, fetchJson(url));
  return cache.get(url);
};

// Each fetched document is handed out as a copy, so a library that edits what it loaded cannot change the cache.
const documentLoader = standardDocumentLoader(async (url) => structuredClone(await fetchOnce(url)));

const describe = (e) =>
  e ? [e.name, e.message, ...(e.errors ?? []).map((x) => x.message), e.details?.event?.message].filter(Boolean).join(': ') : undefined;

const credential = JSON.parse(readFileSync(0, 'utf8'));
const suite = new DataIntegrityProof({ cryptosuite });
// Status is another verifier's concern (see standard-status-reader.mjs); this one checks the proofs.
const checkStatus = async () => ({ verified: true });
const issuer = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus });
const every = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus, purpose: new purposes.AssertionProofPurpose() });
process.stdout.write(
  JSON.stringify({
    issuer: { verified: issuer.verified, ...(issuer.error ? { error: describe(issuer.error) } : {}) },
    proofs: (every.results ?? []).map((r) => ({
      verificationMethod: r.proof?.verificationMethod,
      cryptosuite: r.proof?.cryptosuite,
      verified: r.verified,
      ...(r.error ? { error: describe(r.error) } : {}),
    })),
    fetched,
    ...(every.error ? { error: describe(every.error) } : {}),
  }),
);
