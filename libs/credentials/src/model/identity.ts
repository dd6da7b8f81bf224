import { createHash, randomBytes } from 'node:crypto';

/**
 * The Open Badges salted identity hash of an e-mail address: `sha256$` + hex SHA-256 of the address
 * followed by the salt, so the address itself never enters the credential.
 */
export function hashEmailIdentity(email: string, salt: string = randomBytes(16).toString('hex')): { identityHash: string; salt: string } {
  const digest = createHash('sha256')
    .update(email.trim().toLowerCase() + salt, 'utf8')
    .digest('hex');
  return { identityHash: `sha256$${digest}`, salt };
}
