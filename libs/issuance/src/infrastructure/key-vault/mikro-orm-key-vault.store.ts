import { defineEntity, p } from '@mikro-orm/core';
import { ensureReadModelTables, type ReadModelOrm } from '@alliance/event-sourcing';
import type { KeyVaultStore, VaultEntry } from './key-vault.port';
import type { SealedKey } from './sealed-key';

/**
 * Sealed private keys, in the issuance database beside its read models but not one of them: never rebuilt,
 * never dropped, and never part of the event log that auditors export.
 */
export const KeyVaultRows = defineEntity({
  name: 'IssuanceKeyVault',
  tableName: 'issuance_key_vault',
  properties: {
    keyRef: p.string().primary(),
    institutionId: p.string().index(),
    publicKeyMultibase: p.string(),
    sealed: p.json<SealedKey>(),
    createdAt: p.string(),
  },
});

export class MikroOrmKeyVaultStore implements KeyVaultStore {
  private ready?: Promise<unknown>;

  constructor(private readonly orm: ReadModelOrm) {}

  private prepare(): Promise<unknown> {
    this.ready ??= ensureReadModelTables(this.orm, [KeyVaultRows]);
    return this.ready;
  }

  async put(entry: VaultEntry): Promise<void> {
    await this.prepare();
    const em = this.orm.em.fork();
    em.create(KeyVaultRows, { ...entry });
    await em.flush();
  }

  async get(keyRef: string): Promise<VaultEntry | undefined> {
    await this.prepare();
    const row = await this.orm.em.fork().findOne(KeyVaultRows, { keyRef });
    return row
      ? {
          keyRef: row.keyRef,
          institutionId: row.institutionId,
          publicKeyMultibase: row.publicKeyMultibase,
          sealed: row.sealed,
          createdAt: row.createdAt,
        }
      : undefined;
  }

  async listFor(institutionId: string): Promise<VaultEntry[]> {
    await this.prepare();
    const rows = await this.orm.em.fork().find(KeyVaultRows, { institutionId }, { orderBy: { createdAt: 'asc' } });
    return rows.map((row) => ({
      keyRef: row.keyRef,
      institutionId: row.institutionId,
      publicKeyMultibase: row.publicKeyMultibase,
      sealed: row.sealed,
      createdAt: row.createdAt,
    }));
  }
}
