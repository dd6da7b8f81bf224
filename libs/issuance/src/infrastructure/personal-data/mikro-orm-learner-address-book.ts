import { createHmac } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { ensureReadModelTables, type ReadModelOrm } from '@alliance/event-sourcing';
import { type LearnerAddress, LearnerAddressBook } from '../../application/ports/learner-address-book.port';

/**
 * Keyed hashes of learners' e-mail addresses, beside the read models but not one of them (they are built from
 * unsealed events, which read models never see): rebuilt by the process manager, emptied per learner on erasure.
 */
export const LearnerAddressRows = defineEntity({
  name: 'IssuanceLearnerAddress',
  tableName: 'issuance_learner_addresses',
  properties: {
    /** `<learnerId> <awardId>`: one row per track, so recording it again changes nothing. */
    id: p.string().primary(),
    mailIndex: p.string().index(),
    learnerId: p.string().index(),
    awardId: p.string(),
  },
});

/** At most this many learners answer one address (an address shared in a family, say). */
const MAX_LEARNERS_PER_ADDRESS = 5;

export class MikroOrmLearnerAddressBook extends LearnerAddressBook {
  private ready?: Promise<unknown>;

  constructor(
    private readonly orm: ReadModelOrm,
    private readonly key: Buffer,
  ) {
    super();
    if (key.length < 32) throw new TypeError('the address-book key needs at least 32 bytes');
  }

  async add(address: LearnerAddress, email: string): Promise<void> {
    await this.prepare();
    await this.orm.em
      .fork()
      .upsert(LearnerAddressRows, { id: `${address.learnerId} ${address.awardId}`, mailIndex: this.indexOf(email), ...address });
  }

  async learnersAt(email: string): Promise<LearnerAddress[]> {
    await this.prepare();
    const rows = await this.orm.em.fork().find(LearnerAddressRows, { mailIndex: this.indexOf(email) }, { orderBy: { id: 'asc' } });
    const byLearner = new Map<string, LearnerAddress>();
    for (const row of rows)
      if (!byLearner.has(row.learnerId)) byLearner.set(row.learnerId, { learnerId: row.learnerId, awardId: row.awardId });
    return [...byLearner.values()].slice(0, MAX_LEARNERS_PER_ADDRESS);
  }

  async tracksOf(learnerId: string): Promise<string[]> {
    await this.prepare();
    return (await this.orm.em.fork().find(LearnerAddressRows, { learnerId }, { orderBy: { id: 'asc' } })).map((r) => r.awardId);
  }

  async forget(learnerId: string): Promise<void> {
    await this.prepare();
    await this.orm.em.fork().nativeDelete(LearnerAddressRows, { learnerId });
  }

  private indexOf(email: string): string {
    return createHmac('sha256', this.key).update(email.trim().toLowerCase()).digest('base64url');
  }

  private prepare(): Promise<unknown> {
    this.ready ??= ensureReadModelTables(this.orm, [LearnerAddressRows]);
    return this.ready;
  }
}
