import type { SigningPolicy } from '../credential/credential.events';

/** An institution's admin chose how its proofs are made. */
export interface SigningPolicySet {
  type: 'SigningPolicySet';
  data: { institutionId: string; policy: SigningPolicy };
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
