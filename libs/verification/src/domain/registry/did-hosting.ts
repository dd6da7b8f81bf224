import type { KeyCustody } from './registered-institution';

/** Where an awarding body's DID document lives, as a reader is told it. */
export type DidHosting = 'platform-hosted did:web' | 'institution-hosted did:web' | 'did:key' | `did:${string}` | 'web address (no DID)';

/** How an awarding body's signature was made, from the custody of the registry key that verified it. */
export type SigningCustody = 'own key' | 'delegated to the platform' | 'key custody not recorded';

export interface DidHostingContext {
  /** Public base URL of the alliance catalogue, which hosts did:web documents at `<url>/institutions/<id>/did.json`. */
  catalogueUrl?: string;
  /** The registry's id of the member this DID belongs to, when it is one. */
  institutionId?: string;
}

/**
 * Platform-hosted: the did:web resolves under the catalogue (`did:web:<host>[:<path>]:institutions:<id>`, the
 * form the catalogue gives members registered without a DID of their own). Without the catalogue's URL, a
 * member's did:web ending in `:institutions:<its registry id>` is taken for one: that id is the catalogue's,
 * minted at registration, so a DID the member brought cannot carry it.
 */
export function didHostingOf(did: string, context: DidHostingContext = {}): DidHosting {
  if (did.startsWith('did:key:')) return 'did:key';
  if (did.startsWith('did:web:')) {
    const segments = did.split(':').slice(2);
    const underCatalogue = context.catalogueUrl !== undefined && isUnderCatalogue(segments, context.catalogueUrl);
    const catalogueShaped = context.institutionId !== undefined && did.endsWith(`:institutions:${context.institutionId}`);
    return underCatalogue || catalogueShaped ? 'platform-hosted did:web' : 'institution-hosted did:web';
  }
  const method = /^did:([a-z0-9]+):/.exec(did)?.[1];
  return method ? `did:${method}` : 'web address (no DID)';
}

export function signingCustodyOf(custody: KeyCustody | undefined): SigningCustody {
  if (custody === 'institution') return 'own key';
  if (custody === 'issuance-service') return 'delegated to the platform';
  return 'key custody not recorded';
}

function isUnderCatalogue(segments: string[], catalogueUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(catalogueUrl);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase() + (url.port ? `%3A${url.port}` : '');
  const prefix = [host, ...url.pathname.split('/').filter(Boolean), 'institutions'];
  if (segments.length !== prefix.length + 1 || !segments[segments.length - 1]) return false;
  return segments[0].toLowerCase() === host.toLowerCase() && prefix.slice(1).every((s, i) => segments[i + 1] === s);
}
