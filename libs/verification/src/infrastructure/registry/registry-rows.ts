import { defineEntity, p } from '@mikro-orm/core';
import type { RegisteredInstitution } from '../../domain/registry/registered-institution';

/**
 * Verification's copy of the alliance registry, fed by the catalogue's institution events through the inbox.
 * One row per member, keyed by id and findable by DID; the record is the whole history (keys with their
 * windows, standing over time), which is what judging a credential at its validFrom needs.
 */
export const RegistryRows = defineEntity({
  name: 'VerificationRegistry',
  tableName: 'verification_registry',
  properties: {
    institutionId: p.string().primary(),
    did: p.string().index(),
    record: p.json<RegisteredInstitution>(),
    updatedAt: p.string(),
  },
});
