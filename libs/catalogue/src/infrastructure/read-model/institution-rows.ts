import { readModelTable } from '@alliance/event-sourcing';
import { p } from '@mikro-orm/core';
import type { Institution } from '../../domain/institution/institution.state';
import type { SigningKeyRecord } from '../../domain/institution/institution.events';

/** One row per member: filterable columns, plus the folded aggregate state the projection evolves. */
export const InstitutionRows = readModelTable('catalogue_institutions', () => ({
  id: p.string().primary(),
  name: p.text(),
  /** Lower-cased name: the uniqueness lookup and the `q` filter. */
  nameKey: p.text().index(),
  legalName: p.text(),
  countryCode: p.string().index(),
  region: p.text().nullable(),
  homepage: p.text(),
  did: p.text().index(),
  status: p.string().index(),
  registeredAt: p.string(),
  updatedAt: p.string(),
  /** Stream revision of the last event applied: replays of older events are skipped. */
  revision: p.integer(),
  state: p.json<Institution>(),
}));

/** Every key ever bound to a member, with its validity window and revocation (the history verifiers ask about). */
export const SigningKeyRows = readModelTable('catalogue_signing_keys', () => ({
  id: p.string().primary(),
  institutionId: p.string().index(),
  /** Order of registration within the institution. */
  seq: p.integer(),
  keyId: p.string(),
  verificationMethodId: p.text().index(),
  publicKeyMultibase: p.text(),
  publicKeyJwk: p.json<SigningKeyRecord['publicKeyJwk']>(),
  custody: p.string(),
  validFrom: p.string(),
  validUntil: p.string().nullable(),
  revokedAt: p.string().nullable(),
  /** Signatures at or after this instant are not the member's. */
  compromisedSince: p.string().nullable(),
}));
