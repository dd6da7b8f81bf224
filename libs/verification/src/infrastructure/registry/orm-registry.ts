import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from '@mikro-orm/sql';
import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { RegistryReader } from '../../application/ports/registry.port';
import type { RegisteredInstitution } from '../../domain/registry/registered-institution';
import { RegistryRows } from './registry-rows';

/** The registry read model: loaded whole per verification (an alliance has tens of members, not thousands). */
export class OrmRegistry implements RegistryReader {
  constructor(private readonly orm: ReadModelOrm) {}

  async all(): Promise<RegisteredInstitution[]> {
    return (await this.orm.em.fork().find(RegistryRows, {})).map((r) => r.record).filter((r) => !!r.did);
  }

  /** Applies one catalogue fact to a member's record inside the inbox transaction; a fact that changes nothing writes nothing. */
  static async update(
    em: EntityManager,
    institutionId: string,
    change: (current: RegisteredInstitution | undefined) => RegisteredInstitution,
  ): Promise<void> {
    const row = await em.findOne(RegistryRows, { institutionId });
    const record = change(row?.record);
    if (row && row.did === record.did && isDeepStrictEqual(row.record, record)) return;
    await em.upsert(RegistryRows, { institutionId, did: record.did, record, updatedAt: new Date().toISOString() });
  }
}
