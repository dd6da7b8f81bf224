import type { CollectedProof, Credential, SignatureRefusal } from '../../domain/credential/credential.state';
import type { SigningPolicy } from '../../domain/credential/credential.events';

/** How one awarding body's proof stands on a credential, as staff and auditors see it. */
export interface BodySignature {
  institutionId: string;
  lead: boolean;
  state: 'signed' | 'awaited' | 'refused';
  /** Own signer or own key vs. a key the platform holds under the institution's delegation. */
  signedWith?: 'institution-signer' | 'institution-key' | 'platform-delegation';
  method?: CollectedProof['method'];
  verificationMethod?: string;
  signedAt?: string;
  /** The policy in force when the credential was drafted. */
  policyAtDraft: SigningPolicy;
  awaitedSince?: string;
  refusal?: SignatureRefusal;
}

export interface SignatureStatus {
  credentialId: string;
  /** `pending-signatures` until every awarding body's proof arrived and verified. */
  lifecycle: 'pending-signatures' | Exclude<Credential['lifecycle'], 'collecting-proofs'>;
  held: boolean;
  bodies: BodySignature[];
}

const signedWith = (method: CollectedProof['method']): BodySignature['signedWith'] =>
  method === 'institution-signer' ? 'institution-signer' : method === 'detached-proof' ? 'institution-key' : 'platform-delegation';

export function signatureStatus(credential: Credential): SignatureStatus {
  const since = String(credential.document['validFrom'] ?? credential.awardedAt);
  const bodies = credential.awardingBodies.map((b): BodySignature => {
    const proof = credential.proofs.find((p) => p.institutionId === b.institutionId);
    if (proof) {
      const created = proof.proof['created'];
      return {
        institutionId: b.institutionId,
        lead: b.lead,
        state: 'signed',
        signedWith: signedWith(proof.method),
        method: proof.method,
        verificationMethod: proof.verificationMethod,
        ...(typeof created === 'string' ? { signedAt: created } : {}),
        policyAtDraft: b.signing,
      };
    }
    const refusal = (credential.refusals ?? []).find((r) => r.institutionId === b.institutionId);
    return {
      institutionId: b.institutionId,
      lead: b.lead,
      state: refusal ? 'refused' : 'awaited',
      policyAtDraft: b.signing,
      awaitedSince: since,
      ...(refusal ? { refusal } : {}),
    };
  });
  return {
    credentialId: credential.credentialId,
    lifecycle: credential.lifecycle === 'collecting-proofs' ? 'pending-signatures' : credential.lifecycle,
    held: bodies.some((b) => b.state === 'refused'),
    bodies,
  };
}
