import type { SigningPolicy } from '../credential/credential.events';
import type { SignerEvent } from './signer.events';

export interface GeneratedKey {
  keyRef: string;
  publicKeyMultibase: string;
  generatedAt: string;
}

/** Issuance's side of an institution: how it signs, and which keys the platform holds for it. */
export interface Signer {
  institutionId: string;
  policy: SigningPolicy;
  keys: GeneratedKey[];
}

/** Without a choice, the platform signs for an institution as soon as it holds a registered key for it. */
export const DEFAULT_SIGNING_POLICY: SigningPolicy = 'automatic';

export type SignerState = Signer | undefined;

export const initialSignerState = (): SignerState => undefined;

export function evolveSigner(state: SignerState, event: SignerEvent): SignerState {
  const current = state ?? { institutionId: event.data.institutionId, policy: DEFAULT_SIGNING_POLICY, keys: [] };
  switch (event.type) {
    case 'SigningPolicySet':
      return { ...current, policy: event.data.policy };
    case 'SigningKeyGenerated': {
      const { keyRef, publicKeyMultibase, generatedAt } = event.data;
      return { ...current, keys: [...current.keys, { keyRef, publicKeyMultibase, generatedAt }] };
    }
  }
}
