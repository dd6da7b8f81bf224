import type { AwardingBodySigner, ProofMethod, StatusSlot } from './credential.events';

/** Who asks for a status change: an admin of an awarding body, or issuance itself (an amendment, a rescinded award). */
export type StatusAuthority = { kind: 'awarding-body-admin'; institutionId: string } | { kind: 'issuance-process' };

/** The outcome of checking a proof before it is added: signature, key binding and validity at `validFrom`. */
export type ProofCheck = { valid: true } | { valid: false; reason: string };

export type CredentialCommand =
  | {
      type: 'DraftCredential';
      credentialId: string;
      awardId: string;
      specId: string;
      specVersion: number;
      learnerId: string;
      awardingBodies: AwardingBodySigner[];
      document: Record<string, unknown>;
      cryptosuite: string;
      status: StatusSlot;
      awardedAt: string;
      supersedes?: string;
    }
  | {
      type: 'AddProof';
      credentialId: string;
      institutionId: string;
      method: ProofMethod;
      proof: Record<string, unknown>;
      check: ProofCheck;
    }
  | {
      /** Several proofs at once (the platform signing for every automatic institution): one append, one decision. */
      type: 'AddProofs';
      credentialId: string;
      proofs: { institutionId: string; method: ProofMethod; proof: Record<string, unknown>; check: ProofCheck }[];
    }
  | { type: 'RefuseSignature'; credentialId: string; institutionId: string; code: string; reason: string }
  | { type: 'ReopenSignatureRequest'; credentialId: string; institutionId: string; reason: string }
  | { type: 'SuspendCredential'; credentialId: string; reason: string; authority: StatusAuthority }
  | { type: 'ReinstateCredential'; credentialId: string; reason: string; authority: StatusAuthority }
  | { type: 'RevokeCredential'; credentialId: string; reason: string; authority: StatusAuthority; supersededBy?: string };
