import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who this signer signs as: written by `signer init` once the catalogue registered its key. */
export interface SignerIdentity {
  institutionId: string;
  keyId: string;
  /** `<did>#<keyId>`, as the catalogue registered it. */
  verificationMethodId: string;
  publicKeyMultibase: string;
  registeredAt: string;
}

const FILE = 'identity.json';

export function readIdentity(dataDir: string): SignerIdentity | undefined {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as SignerIdentity;
}

export function writeIdentity(dataDir: string, identity: SignerIdentity): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(identity, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

export const signatureLogPath = (dataDir: string) => join(dataDir, 'signature-log.jsonl');
