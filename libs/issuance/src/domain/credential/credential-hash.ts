import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** SHA-256 (hex) over the RFC 8785 canonical JSON of a credential: the fingerprint CredentialIssued records. */
export function credentialHash(document: Record<string, unknown>): string {
  const canonical = canonicalize(document);
  if (canonical === undefined) throw new TypeError('a credential must be JSON');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
