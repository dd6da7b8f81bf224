import { buildDidWebDocument, type ControllerDocument } from '@alliance/credentials';
import type { SigningKeyRecord } from './institution.events';
import { keyCoversInstant } from './signing-keys';

export type DidDocument = ControllerDocument;

/**
 * The did:web document of a member. Every key ever registered stays listed with its validity window,
 * because credentials signed before a rotation must still verify (verifiers check the proof's creation
 * time against the window); keys that have not started yet are not usable for assertions, and only keys
 * valid now may authenticate. A compromised key's window ends where the compromise began, so a verifier
 * reading only the document still refuses what was signed with it since.
 */
export function didDocumentOf(did: string, keys: SigningKeyRecord[], homepage: string, now: string): DidDocument {
  const document = buildDidWebDocument(
    did,
    keys.map((k) => ({ id: k.verificationMethodId, publicKeyMultibase: k.publicKeyMultibase, validFrom: k.validFrom, ...windowEnd(k) })),
  );
  return {
    ...document,
    assertionMethod: keys.filter((k) => Date.parse(k.validFrom) <= Date.parse(now)).map((k) => k.verificationMethodId),
    authentication: keys.filter((k) => keyCoversInstant(k, now)).map((k) => k.verificationMethodId),
    service: [{ id: `${did}#homepage`, type: 'LinkedDomains', serviceEndpoint: homepage }],
  };
}

function windowEnd(key: SigningKeyRecord): { validUntil?: string } {
  const ends = [key.validUntil, key.compromisedSince].filter((t): t is string => t !== undefined);
  if (ends.length === 0) return {};
  return { validUntil: ends.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) };
}
