import type { EntityManager } from '@mikro-orm/sql';
import { deleteParkedEvents, ensureParkedEventsTable } from './parked-events';

const TABLE = 'projection_checkpoints';

/** Creates `projection_checkpoints(name, position, updated_at)` if missing, and the parked events table beside it. */
export async function ensureCheckpointTable(em: EntityManager): Promise<void> {
  await ensureParkedEventsTable(em);
  await em.execute(
    `create table if not exists ${TABLE} (
      name text primary key,
      position bigint not null default 0,
      updated_at timestamptz not null default now()
    )`,
    [],
    'run',
  );
}

/** Registers a checkpoint at position 0 unless it exists. */
export async function initCheckpoint(em: EntityManager, name: string): Promise<void> {
  await em.execute(`insert into ${TABLE} (name, position) values (?, 0) on conflict (name) do nothing`, [name], 'run');
}

/** Position of a checkpoint, or undefined when it was never registered. */
export async function readCheckpoint(em: EntityManager, name: string): Promise<number | undefined> {
  const rows = await em.execute<{ position: string | number }[]>(`select position from ${TABLE} where name = ?`, [name]);
  return rows.length ? Number(rows[0].position) : undefined;
}

/**
 * Locks a checkpoint row for the rest of the transaction and returns its position: a second runner of
 * the same projection waits here, then sees the moved position and drops its batch.
 */
export async function lockCheckpoint(em: EntityManager, name: string): Promise<number> {
  const rows = await em.execute<{ position: string | number }[]>(`select position from ${TABLE} where name = ? for update`, [name]);
  if (!rows.length) throw new Error(`Checkpoint ${name} is not registered`);
  return Number(rows[0].position);
}

export async function writeCheckpoint(em: EntityManager, name: string, position: number): Promise<void> {
  await em.execute(`update ${TABLE} set position = ?, updated_at = now() where name = ?`, [position, name], 'run');
}

/** Forgets a checkpoint and the events its projection parked. */
export async function deleteCheckpoint(em: EntityManager, name: string): Promise<void> {
  await deleteParkedEvents(em, name);
  await em.execute(`delete from ${TABLE} where name = ?`, [name], 'run');
}
