import { readModelTable } from '@alliance/event-sourcing';
import { p } from '@mikro-orm/core';
import type { Approval, PublishedDefinition } from '../../domain/credential-spec/credential-spec.events';
import type { CredentialSpecDefinition } from '../../domain/credential-spec/definition';

/** One row per definition, summarising its newest version; the list endpoint filters on these columns. */
export const CredentialSpecRows = readModelTable('catalogue_credential_specs', () => ({
  id: p.string().primary(),
  title: p.text(),
  titleKey: p.text(),
  latestVersion: p.integer(),
  latestStatus: p.string().index(),
  /** The version in force (published, not superseded nor retired), if any. */
  publishedVersion: p.integer().nullable(),
  ects: p.double(),
  eqfLevel: p.integer().index(),
  formOfParticipation: p.string(),
  leadInstitutionId: p.string().index(),
  awardingInstitutionIds: p.json<string[]>(),
  createdAt: p.string(),
  updatedAt: p.string(),
  /** Stream revision of the last event applied: replays of older events are skipped. */
  revision: p.integer(),
}));

export interface LifecycleEntry {
  event: string;
  at: string;
  by: string;
  role?: string;
  institutionId?: string;
  reason?: string;
}

/** Every version of every definition: the definition as drafted and, once published, its frozen snapshot. */
export const CredentialSpecVersionRows = readModelTable('catalogue_credential_spec_versions', () => ({
  id: p.string().primary(),
  specId: p.string().index(),
  version: p.integer(),
  status: p.string().index(),
  title: p.text(),
  ects: p.double(),
  definition: p.json<CredentialSpecDefinition>(),
  published: p.json<PublishedDefinition>().nullable(),
  requiredApprovals: p.json<string[]>(),
  approvals: p.json<Approval[]>(),
  history: p.json<LifecycleEntry[]>(),
  createdAt: p.string(),
  proposedAt: p.string().nullable(),
  publishedAt: p.string().nullable(),
  retiredAt: p.string().nullable(),
}));

/** Awarding bodies of each definition's newest version: the `institutionId` filter. */
export const CredentialSpecBodyRows = readModelTable('catalogue_credential_spec_bodies', () => ({
  id: p.string().primary(),
  specId: p.string().index(),
  institutionId: p.string().index(),
  lead: p.boolean(),
}));
