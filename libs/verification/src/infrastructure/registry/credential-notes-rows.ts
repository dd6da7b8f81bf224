import { defineEntity, p } from '@mikro-orm/core';

/**
 * What issuance announced about the credentials it issued: their hash and the reason of a revocation or
 * suspension (a status list only carries bits). Lets a report say why, and name credentials of this platform.
 */
export const CredentialNoteRows = defineEntity({
  name: 'VerificationCredentialNotes',
  tableName: 'verification_credential_notes',
  properties: {
    credentialId: p.string().primary(),
    hash: p.string().nullable(),
    lifecycle: p.string(),
    reason: p.string().nullable(),
    updatedAt: p.string(),
  },
});
