import { VerificationMethodError } from '../data-integrity/errors';
import { decodePublicKeyMultibase } from '../keys/ed25519';
import type { ControllerDocument, VerificationMethod } from './controller-document';

/** `did:key:<publicKeyMultibase>` of an Ed25519 Multikey. */
export function didKeyOf(publicKeyMultibase: string): string {
  decodePublicKeyMultibase(publicKeyMultibase);
  return `did:key:${publicKeyMultibase}`;
}

/** The verification method URL of an Ed25519 did:key: `did:key:<pk>#<pk>`. */
export function didKeyVerificationMethodOf(publicKeyMultibase: string): string {
  return `${didKeyOf(publicKeyMultibase)}#${publicKeyMultibase}`;
}

/**
 * Derives the DID document of an Ed25519 did:key from the identifier itself (no lookup): one Multikey
 * method, referenced by every signing relationship. Only Ed25519 keys (multicodec 0xed01) are accepted.
 */
export function resolveDidKey(did: string): ControllerDocument {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  if (!match) throw new VerificationMethodError('UNKNOWN_VERIFICATION_METHOD', `${did} is not a did:key identifier`);
  const publicKeyMultibase = match[1];
  try {
    decodePublicKeyMultibase(publicKeyMultibase);
  } catch (e) {
    throw new VerificationMethodError('INVALID_VERIFICATION_METHOD', `${did} does not hold an Ed25519 key: ${(e as Error).message}`);
  }
  const id = `${did}#${publicKeyMultibase}`;
  const method: VerificationMethod = { id, type: 'Multikey', controller: did, publicKeyMultibase };
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [method],
    assertionMethod: [id],
    authentication: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  };
}
