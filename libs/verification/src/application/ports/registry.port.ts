import type { RegisteredInstitution } from '../../domain/registry/registered-institution';

/** Verification's copy of the alliance registry, by DID. */
export interface RegistryReader {
  all(): Promise<RegisteredInstitution[]>;
}
