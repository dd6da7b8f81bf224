import { platformDidWeb } from './institution.rules';

/** Who publishes a member's DID document: this platform's catalogue, or the institution at its own domain. */
export type DidHosting = 'platform-hosted' | 'institution-hosted';

/**
 * Platform-hosted: the did:web this catalogue gives a member registered without one
 * (`did:web:<catalogue host>[:<path>]:institutions:<id>`), recognised by the catalogue's public URL or, should
 * that URL have changed since, by ending in `:institutions:<the member's own registry id>` (an id the catalogue
 * mints at registration, so no DID a member brings can carry it). Every other DID is the institution's own.
 * The verification service labels hosting by the same rule.
 */
export function didHostingOf(did: string, institutionId: string, catalogueBaseUrl: string): DidHosting {
  if (did.endsWith(`:institutions:${institutionId}`)) return 'platform-hosted';
  // The catalogue's own shape, `did:web:<host>[:<path>]:institutions:`, then one segment: the member's id.
  const prefix = platformDidWeb(catalogueBaseUrl, '').split(':').slice(0, -1);
  const segments = did.split(':');
  const underCatalogue =
    segments.length === prefix.length + 1 &&
    segments[segments.length - 1].length > 0 &&
    prefix.every((p, i) => (i === 2 ? segments[i].toLowerCase() === p.toLowerCase() : segments[i] === p));
  return underCatalogue ? 'platform-hosted' : 'institution-hosted';
}
