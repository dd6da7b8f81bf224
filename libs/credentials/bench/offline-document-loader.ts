/**
 * The documentLoader handed to @digitalbazaar/vc: this project's bundled, digest-pinned JSON-LD contexts and,
 * for a DID URL, the DID document or one of its Multikey verification methods, resolved locally (did:key is
 * derived from the identifier, did:web comes from the given documents). Nothing is fetched from the network.
 */
import { type ControllerDocument, type DocumentLoader, resolveDidKey } from '../src/index';
import { benchLoader } from './bench-credential';

export function offlineDocumentLoader(didDocuments: ReadonlyMap<string, ControllerDocument>): DocumentLoader {
  const contexts = benchLoader;
  return async (url) => {
    if (!url.startsWith('did:')) return contexts(url);
    const did = url.split('#')[0];
    const document = did.startsWith('did:key:') ? resolveDidKey(did) : didDocuments.get(did);
    if (!document) throw new Error(`${did} is not a DID known to the benchmark; DIDs are never resolved over the network`);
    if (url === did) return { contextUrl: null, documentUrl: url, document };
    const method = document.verificationMethod?.find((m) => m.id === url);
    if (!method) throw new Error(`${url} is not a verification method of ${did}`);
    return { contextUrl: null, documentUrl: url, document: method };
  };
}
