import { buildDidWebDocument, type ControllerDocument } from '@alliance/credentials';
import type { SigningKeyRecord } from './institution.events';
import { keyCoversInstant } from './signing-keys';

export type DidDocument = ControllerDocument;

/**
 * The did:web document of a member. Every key ever registered stays listed with its validity window,
 * because credentials signed before a rotation must still verify (verifiers check the proof's creation
 * time against the window); keys that have not started yet are not usable for assertions, and only keys
 * valid now may authenticate.
 */
export function didDocumentOf(did: string, keys: SigningKeyRecord[], homepage: string, now: string): DidDocument {
  const document = buildDidWebDocument(
    did,
    keys.map((k) => ({ id: k.verificationMethodId, publicKeyMultibase: k.publicKeyMultibase, validFrom: k.validFrom, ...(k.validUntil ? { validUntil: k.validUntil } : {}) })),
  );
  return {
    ...document,
    assertionMethod: keys.filter((k) => Date.parse(k.validFrom) <= Date.parse(now)).map((k) => k.verificationMethodId),
    authentication: keys.filter((k) => keyCoversInstant(k, now)).map((k) => k.verificationMethodId),
    service: [{ id: `${did}#homepage`, type: 'LinkedDomains', serviceEndpoint: homepage }],
  };
}
