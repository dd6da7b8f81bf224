import { defineProjection } from '@alliance/event-sourcing';
import { CREDENTIAL_SPEC_EVENT_TYPES } from '../../domain/credential-spec/credential-spec.events';
import { INSTITUTION_EVENT_TYPES } from '../../domain/institution/institution.events';
import { CATALOGUE_AGGREGATES } from '../../application/catalogue-aggregates';
import { CredentialSpecBodyRows, CredentialSpecRows, CredentialSpecVersionRows } from './credential-spec-rows';
import { projectCredentialSpec } from './credential-spec.projector';
import { InstitutionRows, SigningKeyRows } from './institution-rows';
import { projectInstitution } from './institution.projector';

/** The catalogue's read models: members with their key history, and definitions with every version. */
export const catalogueProjection = defineProjection({
  name: 'catalogue.registry',
  // v2: definitions stored once (in the version rows), not also as a folded state on the summary row.
  // v3: pending members, key challenges, possession-checked keys and revocations in the folded state.
  version: 3,
  readModels: [InstitutionRows, SigningKeyRows, CredentialSpecRows, CredentialSpecVersionRows, CredentialSpecBodyRows],
  streamPrefixes: [CATALOGUE_AGGREGATES.prefix.institution, CATALOGUE_AGGREGATES.prefix.credentialSpec],
  handlers: {
    ...Object.fromEntries(INSTITUTION_EVENT_TYPES.map((t) => [t, projectInstitution])),
    ...Object.fromEntries(CREDENTIAL_SPEC_EVENT_TYPES.map((t) => [t, projectCredentialSpec])),
  },
});
