import type { AwardingBodySigner, CredentialDraft, CredentialEvent, ProofMethod } from './credential.events';

export type CredentialLifecycle = 'collecting-proofs' | 'issued' | 'suspended' | 'revoked';

export interface CollectedProof {
  institutionId: string;
  verificationMethod: string;
  method: ProofMethod;
  proof: Record<string, unknown>;
}

export interface Credential extends CredentialDraft {
  proofs: CollectedProof[];
  /** Awarding bodies whose signer declined, with the reason; their request is held until reopened. */
  refusals: SignatureRefusal[];
  lifecycle: CredentialLifecycle;
  issuedAt?: string;
  hash?: string;
  statusReason?: string;
  supersededBy?: string;
  /** Revoked for good by an awarding body's admin (see `CredentialRevoked`). */
  revokedForGood?: true;
}

export interface SignatureRefusal {
  institutionId: string;
  code: string;
  reason: string;
  refusedAt: string;
}

export type CredentialState = Credential | undefined;

export const initialCredentialState = (): CredentialState => undefined;

export function evolveCredential(state: CredentialState, event: CredentialEvent): CredentialState {
  if (event.type === 'CredentialDrafted') return { ...event.data, proofs: [], refusals: [], lifecycle: 'collecting-proofs' };
  if (!state) return state;
  switch (event.type) {
    case 'CredentialProofAdded': {
      const { institutionId, verificationMethod, method, proof } = event.data;
      return {
        ...state,
        proofs: [...state.proofs, { institutionId, verificationMethod, method, proof }],
        refusals: refusalsOf(state).filter((r) => r.institutionId !== institutionId),
      };
    }
    case 'CredentialSignatureRefused': {
      const { institutionId, code, reason, refusedAt } = event.data;
      return {
        ...state,
        refusals: [...refusalsOf(state).filter((r) => r.institutionId !== institutionId), { institutionId, code, reason, refusedAt }],
      };
    }
    case 'CredentialSignatureRequestReopened':
      return { ...state, refusals: refusalsOf(state).filter((r) => r.institutionId !== event.data.institutionId) };
    case 'CredentialIssued':
      return { ...state, lifecycle: 'issued', issuedAt: event.data.issuedAt, hash: event.data.hash };
    case 'CredentialSuspended':
      return { ...state, lifecycle: 'suspended', statusReason: event.data.reason };
    case 'CredentialReinstated': {
      const { statusReason: _cleared, ...rest } = state;
      return { ...rest, lifecycle: 'issued' };
    }
    case 'CredentialRevoked':
      return {
        ...state,
        lifecycle: 'revoked',
        statusReason: event.data.reason,
        ...(event.data.supersededBy ? { supersededBy: event.data.supersededBy } : {}),
        ...(event.data.final ? { revokedForGood: true as const } : {}),
      };
  }
}

// Folded states cached before refusals existed lack the field.
const refusalsOf = (state: Credential): SignatureRefusal[] => state.refusals ?? [];

/** The awarding body's refusal that holds this credential, if any. */
export function refusalBy(state: Credential, institutionId: string): SignatureRefusal | undefined {
  return refusalsOf(state).find((r) => r.institutionId === institutionId);
}

/** The awarding bodies still to sign, in the order the definition lists them. */
export function missingSigners(state: Credential): AwardingBodySigner[] {
  return state.awardingBodies.filter((b) => !state.proofs.some((p) => p.institutionId === b.institutionId));
}

/** The credential as it stands: the unsigned document with every proof collected so far (a proof set). */
export function securedDocument(state: Credential): Record<string, unknown> {
  return { ...state.document, proof: state.proofs.map((p) => p.proof) };
}
