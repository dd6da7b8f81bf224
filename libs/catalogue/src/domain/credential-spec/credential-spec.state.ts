import type { CredentialSpecDefinition } from './definition';
import type { Approval, CredentialSpecEvent, PublishedDefinition } from './credential-spec.events';

export type SpecVersionStatus = 'draft' | 'proposed' | 'approved' | 'published' | 'superseded' | 'retired';

export interface SpecVersion {
  version: number;
  status: SpecVersionStatus;
  definition: CredentialSpecDefinition;
  /** Members whose approval the proposal asked for (the awarding bodies at proposal time). */
  requiredApprovals: string[];
  approvals: Approval[];
  createdAt: string;
  proposedAt?: string;
  publishedAt?: string;
  retiredAt?: string;
  published?: PublishedDefinition;
}

export interface CredentialSpec {
  credentialSpecId: string;
  versions: SpecVersion[];
}

export type CredentialSpecState = CredentialSpec | undefined;

export const initialCredentialSpecState = (): CredentialSpecState => undefined;

/** The version being worked on: the newest one. Earlier versions are published, superseded or retired. */
export const latestVersion = (spec: CredentialSpec): SpecVersion => spec.versions[spec.versions.length - 1];

export function evolveCredentialSpec(state: CredentialSpecState, event: CredentialSpecEvent): CredentialSpecState {
  const { credentialSpecId, version } = event.data;
  if (event.type === 'CredentialSpecDrafted') {
    return { credentialSpecId, versions: [fresh(version, event.data.definition, event.data.draftedAt)] };
  }
  if (!state) return state;
  if (event.type === 'CredentialSpecVersionDrafted') {
    return { ...state, versions: [...state.versions, fresh(version, event.data.definition, event.data.draftedAt)] };
  }
  const update = (fn: (v: SpecVersion) => SpecVersion): CredentialSpec => ({
    ...state,
    versions: state.versions.map((v) => (v.version === version ? fn(v) : v)),
  });
  switch (event.type) {
    case 'CredentialSpecDraftRevised':
      return update((v) => ({ ...v, definition: event.data.definition }));
    case 'CredentialSpecProposed':
      return update((v) => ({
        ...v,
        status: 'proposed',
        requiredApprovals: event.data.requiredApprovals,
        approvals: [],
        proposedAt: event.data.proposedAt,
      }));
    case 'CredentialSpecApproved':
      return update((v) => {
        const { credentialSpecId: _s, version: _v, ...approval } = event.data;
        const approvals = [...v.approvals, approval];
        const complete = v.requiredApprovals.every((id) => approvals.some((a) => a.institutionId === id));
        return { ...v, approvals, status: complete ? 'approved' : 'proposed' };
      });
    case 'CredentialSpecApprovalDeclined':
    case 'CredentialSpecProposalWithdrawn':
      return update((v) => ({ ...v, status: 'draft', approvals: [], requiredApprovals: [], proposedAt: undefined }));
    case 'CredentialSpecPublished': {
      const superseded = event.data.supersedesVersion;
      return {
        ...state,
        versions: state.versions.map((v) =>
          v.version === version
            ? { ...v, status: 'published', publishedAt: event.data.publishedAt, published: event.data.definition }
            : v.version === superseded
              ? { ...v, status: 'superseded' }
              : v,
        ),
      };
    }
    case 'CredentialSpecRetired':
      return update((v) => ({ ...v, status: 'retired', retiredAt: event.data.retiredAt }));
  }
}

function fresh(version: number, definition: CredentialSpecDefinition, createdAt: string): SpecVersion {
  return { version, status: 'draft', definition, requiredApprovals: [], approvals: [], createdAt };
}
