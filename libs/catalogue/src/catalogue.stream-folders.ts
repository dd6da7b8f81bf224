import { streamFolding } from '@alliance/event-sourcing';
import { CREDENTIAL_SPEC_STREAM_PREFIX, INSTITUTION_STREAM_PREFIX } from './application/catalogue-streams';
import { evolveCredentialSpec, initialCredentialSpecState } from './domain/credential-spec/credential-spec.state';
import { evolveInstitution, initialInstitutionState } from './domain/institution/institution.state';

/**
 * How to fold the catalogue's streams into state, for point-in-time replay by an auditor: the same
 * `evolve` functions the deciders use, so replayed state is exactly what decisions saw.
 */
export const CATALOGUE_STREAM_FOLDERS = [
  streamFolding(INSTITUTION_STREAM_PREFIX, { initialState: initialInstitutionState, evolve: evolveInstitution }),
  streamFolding(CREDENTIAL_SPEC_STREAM_PREFIX, { initialState: initialCredentialSpecState, evolve: evolveCredentialSpec }),
];
