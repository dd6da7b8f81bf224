import type { EntityManager } from '@mikro-orm/sql';
import { CLAIM_SQL, INBOX_TABLE_DDL, type InboxOutcome } from './inbox-table';

const CLAIM = CLAIM_SQL(() => '?');

/**
 * Exactly-once effects for a consumer whose read model is a MikroORM one (PostgreSQL or PGlite): the inbox
 * row is written through the same EntityManager transaction as the read-model change.
 */
export class MikroOrmInbox {
  constructor(
    /** Usually the consumer group, or a finer name when one service keeps several read models. */
    readonly consumer: string,
  ) {}

  /** Creates `inbox_processed` if missing. */
  async ensureTable(em: EntityManager): Promise<void> {
    await em.execute(INBOX_TABLE_DDL, [], 'run');
  }

  /**
   * Runs `apply` inside `em.transactional` after claiming the event id; skips it when already claimed.
   * Entities persisted on the transactional EntityManager are flushed before the commit.
   */
  async handle(em: EntityManager, message: { eventId: string }, apply: (tx: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    return em.transactional(async (tx) => {
      if (!(await this.claim(tx, message.eventId))) return 'duplicate';
      await apply(tx);
      return 'applied';
    });
  }

  /** For callers already inside a transaction on `em`: true the first time, false for a duplicate. */
  async claim(em: EntityManager, eventId: string): Promise<boolean> {
    const result = await em.execute<{ affectedRows: number }>(CLAIM, [this.consumer, eventId], 'run');
    return result.affectedRows === 1;
  }
}
