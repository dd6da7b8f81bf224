import { databaseOpenFailure } from '@alliance/event-sourcing';
import { Client } from 'pg';
import type { ServiceConfig } from '@alliance/nest-kit';

/**
 * Replicas of one service starting together on one PostgreSQL database would race on their set-up DDL
 * (CREATE SCHEMA/TABLE IF NOT EXISTS is not safe concurrently: the loser fails on a catalog unique index).
 * A session advisory lock per service makes them start one after the other; it is released once the
 * service is up, or by PostgreSQL when the process dies.
 */
export async function acquireStartupLock(service: string, config: ServiceConfig): Promise<() => Promise<void>> {
  const usesPostgres = config.EVENT_STORE === 'postgres' || config.READ_MODEL === 'postgres';
  if (!usesPostgres || !config.DATABASE_URL) return async () => undefined;
  const client = new Client({ connectionString: config.DATABASE_URL });
  client.on('error', () => undefined);
  const what =
    config.EVENT_STORE === 'postgres'
      ? config.READ_MODEL === 'postgres'
        ? 'the event store and read model database'
        : 'the event store database'
      : 'the read model database';
  await client.connect().catch((error: unknown) => {
    throw databaseOpenFailure(what, config.DATABASE_URL!, error);
  });
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`alliance.startup.${service}`]);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return async () => {
    await client.end().catch(() => undefined);
  };
}
