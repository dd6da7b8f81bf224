import type { SigningPolicy } from '../credential/credential.events';

/** An institution's admin chose how its proofs are made. */
export interface SigningPolicySet {
  type: 'SigningPolicySet';
  /** `decidedBy`: the institution's own admin who chose; policies set before it was recorded carry none and delegate nothing. */
  data: { institutionId: string; policy: SigningPolicy; decidedBy?: { subject: string; institution: string } };
}

/**
 * Issuance generated an Ed25519 key pair for the institution. Only the public half is recorded; the private
 * half lives sealed in the key vault under `keyRef` and is never part of any event.
 */
export interface SigningKeyGenerated {
  type: 'SigningKeyGenerated';
  data: { institutionId: string; keyRef: string; algorithm: 'Ed25519'; publicKeyMultibase: string; generatedAt: string };
}

export type SignerEvent = SigningPolicySet | SigningKeyGenerated;

export const SIGNER_EVENT_TYPES: readonly SignerEvent['type'][] = ['SigningPolicySet', 'SigningKeyGenerated'];
