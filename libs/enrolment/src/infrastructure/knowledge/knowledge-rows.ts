import { readModelTable } from '@alliance/event-sourcing';
import { memberStandingTable } from '@alliance/service-runtime';
import { p } from '@mikro-orm/core';

/** The knowledge tables are written by the inbox, never replayed into a new version: version 1 for good. */
export const KNOWLEDGE_VERSION = 1;

/**
 * What the catalogue published: one row per definition version. Fed by the inbox from integration
 * events, so it is not rebuilt from this service's own log.
 */
export const SpecVersionRows = readModelTable('enrolment_spec_versions', () => ({
  id: p.string().primary(),
  credentialSpecId: p.string().index(),
  version: p.integer(),
  title: p.text(),
  status: p.string(),
  awardingInstitutionIds: p.json<string[]>(),
  /** The definition's prerequisites as written; definition ids named in it are required credentials. */
  prerequisites: p.text().nullable(),
  publishedAt: p.string(),
}));

/** Credentials issuance reported for learners, with their current status. */
export const HeldCredentialRows = readModelTable('enrolment_held_credentials', () => ({
  credentialId: p.string().primary(),
  learnerId: p.string().index(),
  credentialSpecId: p.string(),
  status: p.string(),
  issuedAt: p.string(),
}));

/** Each member institution's current standing in the alliance, from the catalogue's membership events. */
export const MemberStandings = memberStandingTable('enrolment', KNOWLEDGE_VERSION);
