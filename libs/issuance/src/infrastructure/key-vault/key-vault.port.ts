import type { SealedKey } from './sealed-key';

/** One private key issuance holds for an institution, sealed under the master key. */
export interface VaultEntry {
  keyRef: string;
  institutionId: string;
  publicKeyMultibase: string;
  sealed: SealedKey;
  createdAt: string;
}

/** Where sealed keys are kept. Not an event stream: private material never enters the log auditors export. */
export interface KeyVaultStore {
  put(entry: VaultEntry): Promise<void>;
  get(keyRef: string): Promise<VaultEntry | undefined>;
  listFor(institutionId: string): Promise<VaultEntry[]>;
}

export class InMemoryKeyVaultStore implements KeyVaultStore {
  private readonly entries = new Map<string, VaultEntry>();

  async put(entry: VaultEntry): Promise<void> {
    if (this.entries.has(entry.keyRef)) throw new Error(`vault already holds ${entry.keyRef}`);
    this.entries.set(entry.keyRef, structuredClone(entry));
  }

  async get(keyRef: string): Promise<VaultEntry | undefined> {
    const e = this.entries.get(keyRef);
    return e && structuredClone(e);
  }

  async listFor(institutionId: string): Promise<VaultEntry[]> {
    return [...this.entries.values()].filter((e) => e.institutionId === institutionId).map((e) => structuredClone(e));
  }
}
