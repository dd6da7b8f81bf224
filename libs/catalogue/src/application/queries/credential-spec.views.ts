import type { Approval, PublishedDefinition } from '../../domain/credential-spec/credential-spec.events';
import type { SpecVersionStatus } from '../../domain/credential-spec/credential-spec.state';
import type { AwardingBodyRef, CredentialSpecDefinition } from '../../domain/credential-spec/definition';
import type { LifecycleEntry } from '../../infrastructure/read-model/credential-spec-rows';

/** An awarding body with what the registry says about it now (names, DID, country, region). */
export interface AwardingBodyView extends AwardingBodyRef {
  name?: string;
  did?: string;
  countryCode?: string;
  region?: string;
  status?: string;
}

export interface CredentialSpecVersionView {
  credentialSpecId: string;
  version: number;
  status: SpecVersionStatus;
  definition: Omit<CredentialSpecDefinition, 'awardingBodies'> & { awardingBodies: AwardingBodyView[] };
  requiredApprovals: string[];
  approvals: Approval[];
  pendingApprovals: string[];
  /** The frozen definition other services use; present once published. */
  published?: PublishedDefinition;
  history: LifecycleEntry[];
  createdAt: string;
  proposedAt?: string;
  publishedAt?: string;
  retiredAt?: string;
}

export interface CredentialSpecVersionSummary {
  version: number;
  status: SpecVersionStatus;
  title: string;
  ects: number;
  createdAt: string;
  publishedAt?: string;
  retiredAt?: string;
}

export interface CredentialSpecSummary {
  id: string;
  title: string;
  latestVersion: number;
  status: SpecVersionStatus;
  publishedVersion?: number;
  ects: number;
  eqfLevel: number;
  formOfParticipation: string;
  leadInstitutionId: string;
  awardingInstitutionIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CredentialSpecView extends CredentialSpecSummary {
  /** The newest version in full. */
  current: CredentialSpecVersionView;
  versions: CredentialSpecVersionSummary[];
}
