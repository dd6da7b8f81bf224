import { defineEntity, p } from '@mikro-orm/core';

/**
 * When issuance issued each credential, by the hash of its signed form. It is the one date a key holder
 * cannot forge: a credential's own validFrom is written by whoever signs it, so after a key is reported
 * compromised only this log can show that a signature predates the compromise.
 */
export const IssuedCredentialRows = defineEntity({
  name: 'VerificationIssuedCredentials',
  tableName: 'verification_issued_credentials',
  properties: {
    credentialId: p.string().primary(),
    hash: p.string(),
    issuedAt: p.string(),
  },
});
