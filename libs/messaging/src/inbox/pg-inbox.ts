import { ddlOnce } from '@alliance/event-sourcing';
import type { ClientBase, Pool, PoolClient } from 'pg';
import { CLAIM_SQL, INBOX_TABLE_DDL, type InboxOutcome } from './inbox-table';

const CLAIM = CLAIM_SQL((n) => `$${n}`);

/**
 * Exactly-once effects for a consumer whose read model is written with plain `pg`: the inbox row and the
 * read-model change commit in one transaction, so a redelivered event is a no-op.
 */
export class PgInbox {
  constructor(
    private readonly pool: Pool,
    /** Usually the consumer group, or a finer name when one service keeps several read models. */
    readonly consumer: string,
  ) {}

  /** Creates `inbox_processed` if missing (once per process; another replica creating it meanwhile is fine). */
  readonly ensureTable = ddlOnce(() => this.pool.query(INBOX_TABLE_DDL));

  /** Runs `apply` in a transaction that first claims the event id; skips it when already claimed. */
  async handle(message: { eventId: string }, apply: (client: PoolClient) => Promise<void>): Promise<InboxOutcome> {
    await this.ensureTable();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (!(await this.claim(client, message.eventId))) {
        await client.query('ROLLBACK');
        return 'duplicate';
      }
      await apply(client);
      await client.query('COMMIT');
      return 'applied';
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** For callers that run their own transaction on `client`: true the first time, false for a duplicate. */
  async claim(client: ClientBase, eventId: string): Promise<boolean> {
    const result = await client.query(CLAIM, [this.consumer, eventId]);
    return (result.rowCount ?? 0) === 1;
  }
}
