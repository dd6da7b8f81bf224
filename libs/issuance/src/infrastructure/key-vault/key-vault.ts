import type { KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { generateEd25519KeyPair, privateKeyFromSeed } from '@alliance/credentials';
import type { KeyCustody } from '../../application/ports/key-custody.port';
import type { KeyVaultStore } from './key-vault.port';
import type { MasterKey } from './master-key';
import { openPrivateKey, sealPrivateKey } from './sealed-key';

/**
 * The private keys issuance holds for institutions. Keys are generated here, sealed under the master key
 * before they touch storage, and opened only to sign; only public halves ever leave this class.
 */
export class KeyVault implements KeyCustody {
  // Opened keys stay in memory for the life of the process: signing is the hot path of issuance.
  private readonly opened = new Map<string, KeyObject>();

  constructor(
    private readonly store: KeyVaultStore,
    private readonly master: MasterKey,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async generate(institutionId: string): Promise<{ keyRef: string; publicKeyMultibase: string }> {
    const pair = generateEd25519KeyPair();
    const keyRef = uuidv7();
    const binding = { institutionId, keyRef, publicKeyMultibase: pair.publicKeyMultibase };
    try {
      await this.store.put({
        ...binding,
        sealed: sealPrivateKey(this.master, pair.secretKey, binding),
        createdAt: this.clock().toISOString(),
      });
    } finally {
      pair.secretKey.fill(0);
    }
    return { keyRef, publicKeyMultibase: pair.publicKeyMultibase };
  }

  /** The private key of `keyRef`, if the vault holds it for that institution. */
  async privateKey(institutionId: string, keyRef: string): Promise<KeyObject | undefined> {
    const cached = this.opened.get(keyRef);
    if (cached) return cached;
    const entry = await this.store.get(keyRef);
    if (!entry || entry.institutionId !== institutionId) return undefined;
    const seed = openPrivateKey(this.master, entry.sealed, { institutionId, keyRef, publicKeyMultibase: entry.publicKeyMultibase });
    try {
      const key = privateKeyFromSeed(seed);
      this.opened.set(keyRef, key);
      return key;
    } finally {
      seed.fill(0);
    }
  }

  toJSON(): string {
    return 'KeyVault';
  }
}
