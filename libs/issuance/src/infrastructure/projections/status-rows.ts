import { p } from '@mikro-orm/core';
import { readModelTable } from '@alliance/event-sourcing';

/** The lists each institution issues; `changedPosition` moves whenever a bit changes, so signed copies can be cached by it. */
export const StatusListRows = readModelTable('issuance_status_lists', () => ({
  listId: p.string().primary(),
  institutionId: p.string().index(),
  seq: p.integer(),
  length: p.integer(),
  /** `purposes` (a revocation and a suspension list) or, for lists opened before, `message` (2-bit entries). */
  layout: p.string(),
  changedPosition: p.bigint('number'),
}));

/** One row per allocated index that carries a status: the bits of both purposes. */
export const StatusEntryRows = readModelTable('issuance_status_entries', () => ({
  id: p.string().primary(),
  listId: p.string().index(),
  statusIndex: p.integer(),
  credentialId: p.string(),
  revoked: p.boolean(),
  suspended: p.boolean(),
}));
