import type { SigningKeyRecord } from './institution.events';
import { keyCoversInstant } from './signing-keys';

export const DID_CONTEXTS = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'] as const;

export interface DidVerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
  /** Validity window of the key in the alliance registry (extension properties beside the DID core ones). */
  validFrom: string;
  validUntil?: string;
}

export interface DidDocument {
  '@context': readonly string[];
  id: string;
  alsoKnownAs?: string[];
  controller?: string;
  verificationMethod: DidVerificationMethod[];
  assertionMethod: string[];
  authentication: string[];
  service?: { id: string; type: string; serviceEndpoint: string }[];
}

/**
 * The did:web document of a member. Every key ever registered stays listed with its window, because
 * credentials signed before a rotation must still verify; only keys valid now may authenticate.
 */
export function didDocumentOf(did: string, keys: SigningKeyRecord[], homepage: string, now: string): DidDocument {
  const methods = keys.map(
    (k): DidVerificationMethod => ({
      id: k.verificationMethodId,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: k.publicKeyMultibase,
      validFrom: k.validFrom,
      ...(k.validUntil ? { validUntil: k.validUntil } : {}),
    }),
  );
  return {
    '@context': DID_CONTEXTS,
    id: did,
    verificationMethod: methods,
    assertionMethod: keys.filter((k) => Date.parse(k.validFrom) <= Date.parse(now)).map((k) => k.verificationMethodId),
    authentication: keys.filter((k) => keyCoversInstant(k, now)).map((k) => k.verificationMethodId),
    service: [{ id: `${did}#homepage`, type: 'LinkedDomains', serviceEndpoint: homepage }],
  };
}
