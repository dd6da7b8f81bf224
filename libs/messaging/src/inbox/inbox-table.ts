/** The inbox of every consumer: which integration events it already applied. */
export const INBOX_TABLE = 'inbox_processed';

/** Idempotent DDL, valid on PostgreSQL and PGlite; services may also put it in their versioned migrations. */
export const INBOX_TABLE_DDL = `CREATE TABLE IF NOT EXISTS ${INBOX_TABLE} (
  consumer text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
)`;

/** The outcome of handling a message through an inbox. */
export type InboxOutcome = 'applied' | 'duplicate';

/**
 * Inserting the row is the claim: a concurrent transaction with the same key waits on it and, once the first
 * one commits, inserts nothing, so two members racing on a redelivered message apply it once between them.
 */
export const CLAIM_SQL = (placeholder: (n: number) => string) =>
  `INSERT INTO ${INBOX_TABLE} (consumer, event_id, processed_at) VALUES (${placeholder(1)}, ${placeholder(2)}, now()) ON CONFLICT DO NOTHING`;
