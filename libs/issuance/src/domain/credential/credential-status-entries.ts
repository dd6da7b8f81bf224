/**
 * Can the credential's own status entries say "suspended"? Only if it carries a `suspension` entry, or a legacy
 * 2-bit `message` entry. A credential with a revocation entry alone cannot be suspended: verifiers would never
 * learn of it, and issuance's view would disagree with every verifier's.
 */
export function carriesSuspensionEntry(document: Record<string, unknown>): boolean {
  const entries = ([] as unknown[]).concat(document['credentialStatus'] ?? []);
  return entries.some((e) => {
    const purpose = (e as { statusPurpose?: unknown } | null)?.statusPurpose;
    return purpose === 'suspension' || purpose === 'message';
  });
}
