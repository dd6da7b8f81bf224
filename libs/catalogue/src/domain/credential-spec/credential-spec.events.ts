import type { InstitutionProfile } from '../institution/institution.events';
import type { AwardingBodyRef, Component, CredentialSpecDefinition } from './definition';

export interface Approval {
  institutionId: string;
  /** Subject of the institution-admin who approved. */
  approvedBy: string;
  approvedAt: string;
  comment?: string;
}

/** A member as it stood when the version was published: the credential names it this way for ever. */
export type AwardingBodySnapshot = AwardingBodyRef & InstitutionProfile;

export interface ComponentSnapshot extends Component {
  institutionDid: string;
  institutionName: string;
}

export interface StackPartSnapshot {
  credentialSpecId: string;
  version: number;
  title: string;
  ects: number;
}

/** The complete, self-contained definition of a published version (what issuance and verification rely on). */
export interface PublishedDefinition extends Omit<CredentialSpecDefinition, 'awardingBodies' | 'components' | 'stackParts'> {
  credentialSpecId: string;
  version: number;
  publishedAt: string;
  awardingBodies: AwardingBodySnapshot[];
  components: ComponentSnapshot[];
  stackParts: StackPartSnapshot[];
  approvals: Approval[];
}

type SpecEvent<T extends string, D> = { type: T; data: { credentialSpecId: string; version: number } & D };

export type CredentialSpecDrafted = SpecEvent<'CredentialSpecDrafted', { definition: CredentialSpecDefinition; draftedAt: string }>;
export type CredentialSpecDraftRevised = SpecEvent<
  'CredentialSpecDraftRevised',
  { definition: CredentialSpecDefinition; revisedAt: string }
>;
export type CredentialSpecProposed = SpecEvent<'CredentialSpecProposed', { requiredApprovals: string[]; proposedAt: string }>;
export type CredentialSpecApproved = SpecEvent<'CredentialSpecApproved', Approval>;
export type CredentialSpecApprovalDeclined = SpecEvent<
  'CredentialSpecApprovalDeclined',
  { institutionId: string; declinedBy: string; reason: string; declinedAt: string }
>;
export type CredentialSpecProposalWithdrawn = SpecEvent<'CredentialSpecProposalWithdrawn', { reason: string; withdrawnAt: string }>;
export type CredentialSpecPublished = SpecEvent<
  'CredentialSpecPublished',
  { supersedesVersion?: number; definition: PublishedDefinition; publishedAt: string }
>;
export type CredentialSpecRetired = SpecEvent<'CredentialSpecRetired', { reason: string; retiredAt: string }>;
export type CredentialSpecVersionDrafted = SpecEvent<
  'CredentialSpecVersionDrafted',
  { basedOnVersion: number; definition: CredentialSpecDefinition; draftedAt: string }
>;

export type CredentialSpecEvent =
  | CredentialSpecDrafted
  | CredentialSpecDraftRevised
  | CredentialSpecProposed
  | CredentialSpecApproved
  | CredentialSpecApprovalDeclined
  | CredentialSpecProposalWithdrawn
  | CredentialSpecPublished
  | CredentialSpecRetired
  | CredentialSpecVersionDrafted;

export const CREDENTIAL_SPEC_EVENT_TYPES: readonly CredentialSpecEvent['type'][] = [
  'CredentialSpecDrafted',
  'CredentialSpecDraftRevised',
  'CredentialSpecProposed',
  'CredentialSpecApproved',
  'CredentialSpecApprovalDeclined',
  'CredentialSpecProposalWithdrawn',
  'CredentialSpecPublished',
  'CredentialSpecRetired',
  'CredentialSpecVersionDrafted',
];
