import type { Pool, PoolClient } from 'pg';
import { PgInbox } from '../inbox/pg-inbox';
import type { MessageHandler } from '../integration-bus.port';
import type { CounterPayload } from './counter-events';

/**
 * A read model that notices every anomaly: per counter the last sequence applied, how many were applied,
 * and how many arrived out of order. Exactly-once in order means applied = count and out_of_order = 0.
 */
export const PROGRESS_DDL = `CREATE TABLE IF NOT EXISTS counter_progress (
  key text PRIMARY KEY,
  last_seq int NOT NULL,
  applied int NOT NULL,
  out_of_order int NOT NULL,
  latency_ms_total bigint NOT NULL DEFAULT 0
)`;

async function apply(client: PoolClient, key: string, payload: CounterPayload): Promise<void> {
  await client.query(
    `INSERT INTO counter_progress (key, last_seq, applied, out_of_order, latency_ms_total)
     VALUES ($1, $2, 1, CASE WHEN $2 = 0 THEN 0 ELSE 1 END, $3)
     ON CONFLICT (key) DO UPDATE SET
       out_of_order = counter_progress.out_of_order + CASE WHEN EXCLUDED.last_seq = counter_progress.last_seq + 1 THEN 0 ELSE 1 END,
       last_seq = EXCLUDED.last_seq,
       applied = counter_progress.applied + 1,
       latency_ms_total = counter_progress.latency_ms_total + EXCLUDED.latency_ms_total`,
    [key, payload.seq, Date.now() - payload.appendedAt],
  );
}

export function progressHandler(pool: Pool, consumer: string, onApplied?: (latencyMs: number) => void): MessageHandler {
  const inbox = new PgInbox(pool, consumer);
  return async (message) => {
    const payload = message.payload as CounterPayload;
    const outcome = await inbox.handle(message, (client) => apply(client, message.key, payload));
    if (outcome === 'applied') onApplied?.(Date.now() - payload.appendedAt);
  };
}

export interface ProgressSummary {
  keys: number;
  applied: number;
  outOfOrder: number;
  incomplete: string[];
}

export async function progressSummary(pool: Pool, perAggregate: number): Promise<ProgressSummary> {
  const { rows } = await pool.query<{ key: string; last_seq: number; applied: number; out_of_order: number }>(
    'SELECT * FROM counter_progress',
  );
  return {
    keys: rows.length,
    applied: rows.reduce((n, r) => n + r.applied, 0),
    outOfOrder: rows.reduce((n, r) => n + r.out_of_order, 0),
    incomplete: rows.filter((r) => r.last_seq !== perAggregate - 1 || r.applied !== perAggregate).map((r) => r.key),
  };
}
