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
  /** The institution's own admin chose `policy` (a delegation the platform may act on). */
  decidedBy?: { subject: string; institution: string };
  keys: GeneratedKey[];
}

/** Without the institution's own choice, only its own signer signs for it: the platform never does by default. */
export const DEFAULT_SIGNING_POLICY: SigningPolicy = 'institution-signer';

/** May the platform sign for this institution with a key it holds, without its admin acting per credential? */
export function delegatesAutomaticSigning(signer: Signer | undefined): boolean {
  return signer?.policy === 'automatic' && signer.decidedBy?.institution === signer.institutionId;
}

export type SignerState = Signer | undefined;

export const initialSignerState = (): SignerState => undefined;

export function evolveSigner(state: SignerState, event: SignerEvent): SignerState {
  const current = state ?? { institutionId: event.data.institutionId, policy: DEFAULT_SIGNING_POLICY, keys: [] };
  switch (event.type) {
    case 'SigningPolicySet': {
      const { decidedBy: _previous, ...rest } = current;
      return { ...rest, policy: event.data.policy, ...(event.data.decidedBy ? { decidedBy: event.data.decidedBy } : {}) };
    }
    case 'SigningKeyGenerated': {
      const { keyRef, publicKeyMultibase, generatedAt } = event.data;
      return { ...current, keys: [...current.keys, { keyRef, publicKeyMultibase, generatedAt }] };
    }
  }
}
