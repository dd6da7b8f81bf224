import type { MemberStanding } from '../knowledge/member-standing';
import type { CredentialDraft, ProofMethod } from './credential.events';

/** A member institution acting, with its standing as issuance knows it now. */
export interface ActingMember {
  institutionId: string;
  standing: MemberStanding;
}

/** Who asks for a status change: an admin of an awarding body, or issuance itself (an amendment, a rescinded award). */
export type StatusAuthority = ({ kind: 'awarding-body-admin' } & ActingMember) | { kind: 'issuance-process' };

/** A proof, with the signing institution's standing now: a suspended or removed member's proof is not taken. */
interface ProofEntry {
  institutionId: string;
  standing: MemberStanding;
  method: ProofMethod;
  proof: Record<string, unknown>;
  check: ProofCheck;
}

/** The outcome of checking a proof before it is added: signature, key binding and validity at `validFrom`. */
export type ProofCheck = { valid: true } | { valid: false; reason: string };

export type CredentialCommand =
  | ({ type: 'DraftCredential' } & CredentialDraft)
  | ({ type: 'AddProof'; credentialId: string } & ProofEntry)
  | {
      /** Several proofs at once (the platform signing for every automatic institution): one append, one decision. */
      type: 'AddProofs';
      credentialId: string;
      proofs: ProofEntry[];
    }
  | { type: 'RefuseSignature'; credentialId: string; institutionId: string; code: string; reason: string }
  /** `by`: the member whose admin asks; absent when an alliance admin does. */
  | { type: 'ReopenSignatureRequest'; credentialId: string; institutionId: string; reason: string; by?: ActingMember }
  | { type: 'SuspendCredential'; credentialId: string; reason: string; authority: StatusAuthority }
  | { type: 'ReinstateCredential'; credentialId: string; reason: string; authority: StatusAuthority }
  | {
      type: 'RevokeCredential';
      credentialId: string;
      reason: string;
      authority: StatusAuthority;
      supersededBy?: string;
      /**
       * For good: no credential of this definition is issued to the learner again, whatever the results become,
       * until an awarding body's admin lifts it. Only an awarding body's admin revokes for good.
       */
      final?: boolean;
    };
