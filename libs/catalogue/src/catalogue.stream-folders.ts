import type { RecordedEvent } from '@alliance/event-sourcing';
import { CREDENTIAL_SPEC_STREAM_PREFIX, INSTITUTION_STREAM_PREFIX } from './application/catalogue-streams';
import type { CredentialSpecEvent } from './domain/credential-spec/credential-spec.events';
import { evolveCredentialSpec, initialCredentialSpecState } from './domain/credential-spec/credential-spec.state';
import type { InstitutionEvent } from './domain/institution/institution.events';
import { evolveInstitution, initialInstitutionState } from './domain/institution/institution.state';

/**
 * How to fold the catalogue's streams into state, for point-in-time replay by an auditor: the same
 * `evolve` functions the deciders use, so replayed state is exactly what decisions saw.
 */
export const CATALOGUE_STREAM_FOLDERS = [
  {
    streamPrefix: INSTITUTION_STREAM_PREFIX,
    initialState: initialInstitutionState as () => unknown,
    evolve: (state: unknown, e: RecordedEvent) => evolveInstitution(state as never, { type: e.type, data: e.data } as InstitutionEvent) as unknown,
  },
  {
    streamPrefix: CREDENTIAL_SPEC_STREAM_PREFIX,
    initialState: initialCredentialSpecState as () => unknown,
    evolve: (state: unknown, e: RecordedEvent) => evolveCredentialSpec(state as never, { type: e.type, data: e.data } as CredentialSpecEvent) as unknown,
  },
];
