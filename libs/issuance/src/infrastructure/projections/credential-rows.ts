import { p } from '@mikro-orm/core';
import { readModelTable } from '@alliance/event-sourcing';

/** One row per credential: what the API lists, and the unsigned document its proofs cover. */
export const CredentialRows = readModelTable('issuance_credentials', () => ({
  credentialId: p.string().primary(),
  awardId: p.string().index(),
  learnerId: p.string().index(),
  specId: p.string().index(),
  specVersion: p.integer(),
  leadInstitutionId: p.string().index(),
  awardingBodies: p.json<{ institutionId: string; lead: boolean; signing: string }[]>(),
  lifecycle: p.string().index(),
  cryptosuite: p.string(),
  statusListId: p.string(),
  statusIndex: p.integer(),
  awardedAt: p.string(),
  draftedAt: p.string(),
  issuedAt: p.string().nullable(),
  hash: p.string().nullable(),
  supersedes: p.string().nullable(),
  supersededBy: p.string().nullable(),
  statusReason: p.string().nullable(),
  document: p.json<Record<string, unknown>>(),
  lastPosition: p.bigint('number'),
}));

/** One row per proof collected; keyed by credential and institution, so a replay cannot add a proof twice. */
export const CredentialProofRows = readModelTable('issuance_credential_proofs', () => ({
  id: p.string().primary(),
  credentialId: p.string().index(),
  institutionId: p.string(),
  /** Order of arrival: the proof set is served in it. */
  position: p.bigint('number'),
  verificationMethod: p.string(),
  method: p.string(),
  proof: p.json<Record<string, unknown>>(),
}));
