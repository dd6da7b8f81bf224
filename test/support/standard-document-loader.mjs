// The document loader of the independent verifier scripts: the standard W3C and Open Badges contexts held locally,
// as any verifier holds them, did:web documents and everything else fetched over HTTP (did:web on a loopback host
// is read over http). It deliberately holds no copy of the platform's own extension context.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const bundled = join(import.meta.dirname, '..', '..', 'libs', 'credentials', 'src', 'contexts');
const vectors = join(import.meta.dirname, '..', '..', '..', 'shared', 'vectors', 'contexts');

const local = new Map(
  [
    ['https://www.w3.org/ns/credentials/v2', join(bundled, 'credentials-v2.jsonld')],
    ['https://www.w3.org/ns/credentials/status/v1', join(bundled, 'credentials-status-v1.jsonld')],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', join(bundled, 'ob-v3p0-context-3.0.3.json')],
    ['https://w3id.org/security/data-integrity/v2', join(vectors, 'data-integrity-v2.jsonld')],
    ['https://w3id.org/security/multikey/v1', join(vectors, 'multikey-v1.jsonld')],
  ].map(([url, file]) => [url, JSON.parse(readFileSync(file, 'utf8'))]),
);

export function didWebUrl(did) {
  const [host, ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const scheme = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host) ? 'http' : 'https';
  return path.length ? `${scheme}://${host}/${path.join('/')}/did.json` : `${scheme}://${host}/.well-known/did.json`;
}

/** A jsonld document loader that reads what is not held locally with `fetchJson(url)`. */
export function standardDocumentLoader(fetchJson) {
  return async (url) => {
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
  };
}
