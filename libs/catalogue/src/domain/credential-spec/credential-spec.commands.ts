import type { InstitutionStatus } from '../institution/institution.state';
import type { CredentialSpecDefinition } from './definition';
import type { RegistryView } from './registry-view';

/** Domain commands, authenticated already; `registry` is what the handler loaded from other streams. */
export interface DraftCredentialSpec {
  type: 'DraftCredentialSpec';
  credentialSpecId: string;
  definition: CredentialSpecDefinition;
  registry: RegistryView;
}

export interface ReviseCredentialSpecDraft {
  type: 'ReviseCredentialSpecDraft';
  definition: CredentialSpecDefinition;
  registry: RegistryView;
}

export interface ProposeCredentialSpec {
  type: 'ProposeCredentialSpec';
  registry: RegistryView;
}

/** An approval or a refusal, given by an institution-admin for their own institution (the actor's). */
export interface ApprovalDecision {
  institutionId: string;
}

export interface ApproveCredentialSpec extends ApprovalDecision {
  type: 'ApproveCredentialSpec';
  /** The approving member's standing as the handler loaded it (undefined: not registered); only an active member approves. */
  approverStatus: InstitutionStatus | undefined;
  comment?: string;
}

export interface DeclineCredentialSpec extends ApprovalDecision {
  type: 'DeclineCredentialSpec';
  /** The declining member's standing as the handler loaded it (undefined: not registered); a suspended or removed member does not decide. */
  declinerStatus: InstitutionStatus | undefined;
  reason: string;
}

export interface WithdrawCredentialSpecProposal {
  type: 'WithdrawCredentialSpecProposal';
  reason: string;
}

export interface PublishCredentialSpec {
  type: 'PublishCredentialSpec';
  registry: RegistryView;
}

export interface RetireCredentialSpec {
  type: 'RetireCredentialSpec';
  /** Defaults to the current published version. */
  version?: number;
  reason: string;
}

export interface DraftCredentialSpecVersion {
  type: 'DraftCredentialSpecVersion';
  /** Defaults to the latest version's definition, to be revised. */
  definition?: CredentialSpecDefinition;
  registry: RegistryView;
}

export type CredentialSpecCommand =
  | DraftCredentialSpec
  | ReviseCredentialSpecDraft
  | ProposeCredentialSpec
  | ApproveCredentialSpec
  | DeclineCredentialSpec
  | WithdrawCredentialSpecProposal
  | PublishCredentialSpec
  | RetireCredentialSpec
  | DraftCredentialSpecVersion;
