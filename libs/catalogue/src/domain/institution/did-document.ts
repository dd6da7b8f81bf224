import type { ControllerDocument, VerificationMethod } from '@alliance/credentials';
import type { SigningKeyRecord } from './institution.events';
import { keyCoversInstant } from './signing-keys';

export type DidDocument = ControllerDocument;

/** A verification method with the Controlled Identifiers 1.0 validity properties. */
export interface DatedVerificationMethod extends VerificationMethod {
  /** The key's planned end: after it, the key is no longer valid. */
  expires?: string;
  /** From this instant on the key is not the controller's any more (retired, rotated out, or compromised). */
  revoked?: string;
}

/**
 * The did:web document of a member. Every key ever registered stays listed, because credentials signed
 * before a rotation must still verify where the verifier compares the proof's creation time with the key's
 * end. The end is written with the Controlled Identifiers 1.0 properties: `revoked` for a key taken out of
 * use (rotated or retired: the end of its window; compromised: the instant the compromise began, so a
 * verifier reading only the document refuses what was signed with it since), `expires` for a planned end.
 * Keys that have not started yet are not usable for assertions, and only keys valid now may authenticate.
 */
export function didDocumentOf(did: string, keys: SigningKeyRecord[], homepage: string, now: string): DidDocument {
  const verificationMethod: DatedVerificationMethod[] = keys.map((k) => ({
    id: k.verificationMethodId,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
    ...keyEnd(k, keys),
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod,
    assertionMethod: keys.filter((k) => Date.parse(k.validFrom) <= Date.parse(now)).map((k) => k.verificationMethodId),
    authentication: keys.filter((k) => keyCoversInstant(k, now)).map((k) => k.verificationMethodId),
    service: [{ id: `${did}#homepage`, type: 'LinkedDomains', serviceEndpoint: homepage }],
  };
}

/** `revoked` or `expires` of one key, from its record and, for a rotation, the key that took over from it. */
export function keyEnd(key: SigningKeyRecord, keys: readonly SigningKeyRecord[]): { revoked?: string; expires?: string } {
  if (key.compromisedSince !== undefined) return { revoked: earliest(key.compromisedSince, key.validUntil) };
  if (key.revokedAt !== undefined) return { revoked: earliest(key.revokedAt, key.validUntil) };
  if (key.validUntil === undefined) return {};
  // A rotation ends the old key at the very instant its successor starts.
  const rotated = keys.some((k) => k !== key && k.validFrom === key.validUntil);
  return rotated ? { revoked: key.validUntil } : { expires: key.validUntil };
}

function earliest(instant: string, other: string | undefined): string {
  return other !== undefined && Date.parse(other) < Date.parse(instant) ? other : instant;
}
