import { VerificationMethodError } from '../data-integrity/errors';

/** A Multikey verification method, optionally with the window in which the key was bound to its controller. */
export interface VerificationMethod {
  id: string;
  type: string;
  controller: string;
  publicKeyMultibase: string;
  /** Start of the key's registration window; proofs created earlier are rejected. */
  validFrom?: string;
  /** End of the key's registration window; proofs created at or after it are rejected. */
  validUntil?: string;
}

/** The verification relationships a controller document can list. */
export type VerificationRelationship =
  'assertionMethod' | 'authentication' | 'capabilityInvocation' | 'capabilityDelegation' | 'keyAgreement';

/** A controlled identifier document (a DID document, or any controller document with Multikey methods). */
export interface ControllerDocument {
  '@context'?: unknown;
  id: string;
  controller?: string | string[];
  verificationMethod?: VerificationMethod[];
  assertionMethod?: (string | VerificationMethod)[];
  authentication?: (string | VerificationMethod)[];
  capabilityInvocation?: (string | VerificationMethod)[];
  capabilityDelegation?: (string | VerificationMethod)[];
  keyAgreement?: (string | VerificationMethod)[];
  service?: { id: string; type: string; serviceEndpoint: unknown }[];
  [extra: string]: unknown;
}

/**
 * Returns a verification method resolver's answer for one proof: given its URL and the proof purpose, the
 * method, already checked to belong to its controller and to be listed under that purpose.
 */
export type VerificationMethodResolver = (verificationMethodId: string, options: { proofPurpose: string }) => Promise<VerificationMethod>;

/**
 * Retrieves a verification method from its controller document (Controlled Identifiers 1.0 §3.3): the
 * document id must be the method URL without its fragment, the method's controller must be the document,
 * and the relationship named by `proofPurpose` must reference or embed it.
 */
export function selectVerificationMethod(
  document: ControllerDocument,
  verificationMethodId: string,
  proofPurpose: string,
): VerificationMethod {
  const controllerId = verificationMethodId.split('#')[0];
  if (document.id !== controllerId) {
    throw new VerificationMethodError(
      'INVALID_VERIFICATION_METHOD',
      `controller document ${document.id} does not describe ${controllerId}`,
    );
  }
  const relationship = document[proofPurpose];
  const listed = Array.isArray(relationship) ? (relationship as (string | VerificationMethod)[]) : [];
  const embedded = listed.find((m): m is VerificationMethod => typeof m === 'object' && m !== null && m.id === verificationMethodId);
  const method = embedded ?? document.verificationMethod?.find((m) => m.id === verificationMethodId);
  if (!method)
    throw new VerificationMethodError(
      'UNKNOWN_VERIFICATION_METHOD',
      `${verificationMethodId} is not a verification method of ${controllerId}`,
    );
  if (method.controller !== document.id) {
    throw new VerificationMethodError(
      'INVALID_VERIFICATION_METHOD',
      `${verificationMethodId} names controller ${method.controller}, not ${document.id}`,
    );
  }
  if (!embedded && !listed.includes(verificationMethodId)) {
    throw new VerificationMethodError(
      'VERIFICATION_RELATIONSHIP_MISSING',
      `${verificationMethodId} is not listed under ${proofPurpose} of ${controllerId}`,
    );
  }
  return method;
}
