import { p } from '@mikro-orm/core';
import { defineProjection, readModelTable, type ProjectionContext, type RecordedEvent } from '@alliance/event-sourcing';

/** A small read model in the shape contexts write: one row per credential with its status. */
export const CredentialStatusRows = readModelTable('audit_fixture_credentials', () => ({
  credentialId: p.string().primary(),
  status: p.string(),
  lastPosition: p.bigint('number'),
}));

const status =
  (value: string) =>
  async (e: RecordedEvent<{ credentialId: string }>, { upsert }: Pick<ProjectionContext, 'upsert'>) =>
    upsert(CredentialStatusRows, { credentialId: e.data.credentialId, status: value, lastPosition: e.position });

export const credentialStatusProjection = defineProjection({
  name: 'fixture.credential-status',
  version: 1,
  readModels: [CredentialStatusRows],
  handlers: {
    CredentialDrafted: status('drafted'),
    CredentialIssued: status('issued'),
    CredentialSuspended: status('suspended'),
    CredentialReinstated: status('issued'),
    CredentialRevoked: status('revoked'),
  },
});
