import { readFileSync } from 'node:fs';

/**
 * A university's own rules, kept beside its signer, not on the platform: which definitions it approved (the
 * signer refuses any other, whatever the platform says) and, optionally, definitions it stopped signing.
 */
export interface SignerLocalPolicy {
  /** `specId` or `specId@version`; when present, only these are signed. */
  approvedDefinitions?: string[];
  /** `specId` or `specId@version` never signed, e.g. under review after a complaint. */
  suspendedDefinitions?: string[];
}

export function readLocalPolicy(path: string | undefined): SignerLocalPolicy {
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`SIGNER_POLICY_FILE ${path} cannot be read as JSON (${(e as Error).message}); fix or remove it`);
  }
  const list = (value: unknown, name: string): string[] | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw new Error(`SIGNER_POLICY_FILE ${path}: ${name} must be a list of "specId" or "specId@version"`);
    return value as string[];
  };
  const o = (raw ?? {}) as Record<string, unknown>;
  const approved = list(o['approvedDefinitions'], 'approvedDefinitions');
  const suspended = list(o['suspendedDefinitions'], 'suspendedDefinitions');
  return { ...(approved ? { approvedDefinitions: approved } : {}), ...(suspended ? { suspendedDefinitions: suspended } : {}) };
}
