import type { ControllerDocument, VerificationMethod } from './controller-document';

const DID_WEB = /^did:web:([a-zA-Z0-9.-]+(?:%3[aA]\d{1,5})?)((?::[A-Za-z0-9._~%-]+)*)$/;

/**
 * The HTTPS URL a did:web resolves to (did:web method §3.2): colons become slashes, `%3A` in the host is a
 * port, and a DID without a path lives at `/.well-known/did.json`.
 */
export function didWebToUrl(did: string): string {
  const match = DID_WEB.exec(did);
  if (!match) throw new Error(`${did} is not a did:web identifier`);
  const host = decodeURIComponent(match[1]);
  const path = match[2] ? match[2].split(':').filter(Boolean).map(decodeURIComponent).join('/') : '.well-known';
  return `https://${host}/${path}/did.json`;
}

/** One key to publish in a did:web document. */
export interface DidWebKey {
  publicKeyMultibase: string;
  /** Method URL; defaults to `<did>#<publicKeyMultibase>`. */
  id?: string;
  validFrom?: string;
  validUntil?: string;
}

/**
 * A did:web document with one Multikey verification method per key, every key usable for issuing
 * (assertionMethod) and authentication.
 */
export function buildDidWebDocument(did: string, keys: readonly DidWebKey[]): ControllerDocument {
  didWebToUrl(did);
  const methods = keys.map((k): VerificationMethod => ({
    id: k.id ?? `${did}#${k.publicKeyMultibase}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
    ...(k.validFrom ? { validFrom: k.validFrom } : {}),
    ...(k.validUntil ? { validUntil: k.validUntil } : {}),
  }));
  const ids = methods.map((m) => m.id);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: ids,
    authentication: ids,
  };
}
