import { ensureReadModelTables, forkEntityManager, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { type ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel, serviceReadModelLocation, type ServiceReadModelSpec } from '@alliance/service-runtime';
import { VERIFICATION, VERIFICATION_INBOX } from './integration/verification-inbox-routes';
import { CredentialNoteRows } from './registry/credential-notes-rows';
import { IssuedCredentialRows } from './registry/issued-credential-rows';
import { RegistryRows } from './registry/registry-rows';

export const READ_MODEL_SCHEMA = 'verification_read';

/** The location's URL pins connections to the schema. */
const VERIFICATION_READ_MODEL: ServiceReadModelSpec = { service: VERIFICATION, schema: READ_MODEL_SCHEMA, pinning: 'url' };

export function readModelLocation(config: ServiceConfig): ReadModelDatabaseConfig {
  return serviceReadModelLocation(config, VERIFICATION_READ_MODEL);
}

/** Opens verification's database with its registry, its notes on issued credentials and the inbox. */
export function openVerificationDatabase(config: ServiceConfig): Promise<ReadModelOrm> {
  return openServiceReadModel(config, {
    ...VERIFICATION_READ_MODEL,
    prepare: async (orm) => {
      await ensureReadModelTables(orm, [RegistryRows, CredentialNoteRows, IssuedCredentialRows]);
      await VERIFICATION_INBOX.ensureTable(forkEntityManager(orm));
    },
  });
}
