import type { EntityManager } from '@mikro-orm/sql';
import type { RecordedEvent } from '../envelope';
import { repairText } from '../upcasting/repair-unstorable-text';

const TABLE = 'projection_parked_events';
const MAX_REASON_LENGTH = 2000;

/**
 * An event a projection could not apply, however often it tried, and moved past: its effects are missing
 * from that read model until the cause is fixed and the read model rebuilt. The stored event is unchanged.
 */
export interface ParkedEvent {
  /** Checkpoint name of the projection that parked it (`<name>_v<version>`). */
  projection: string;
  eventId: string;
  position: number;
  streamId: string;
  type: string;
  /** The handler's error, as the projection last saw it. */
  reason: string;
  errorName: string;
  attempts: number;
  parkedAt: string;
}

/** Creates `projection_parked_events` beside the checkpoints if missing. */
export async function ensureParkedEventsTable(em: EntityManager): Promise<void> {
  await em.execute(
    `create table if not exists ${TABLE} (
      checkpoint_name text not null,
      event_id text not null,
      position bigint not null,
      stream_id text not null,
      event_type text not null,
      reason text not null,
      error_name text not null,
      attempts integer not null,
      parked_at timestamptz not null default now(),
      primary key (checkpoint_name, event_id)
    )`,
    [],
    'run',
  );
}

/** Records a parked event, in the transaction that moves the checkpoint past it; parking twice is a no-op. */
export async function parkEvent(
  em: EntityManager,
  checkpointName: string,
  event: RecordedEvent,
  error: unknown,
  attempts: number,
): Promise<void> {
  const { name, message } = describeError(error);
  await em.execute(
    `insert into ${TABLE} (checkpoint_name, event_id, position, stream_id, event_type, reason, error_name, attempts)
     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (checkpoint_name, event_id) do nothing`,
    [checkpointName, event.eventId, event.position, repairText(event.streamId), repairText(event.type), message, name, attempts],
    'run',
  );
}

/** Parked events, oldest position first: of one checkpoint, or of every projection of the database. */
export async function listParkedEvents(em: EntityManager, checkpointName?: string): Promise<ParkedEvent[]> {
  const rows = await em.execute<ParkedRow[]>(
    `select checkpoint_name, event_id, position, stream_id, event_type, reason, error_name, attempts, parked_at from ${TABLE}
     ${checkpointName === undefined ? '' : 'where checkpoint_name = ?'} order by position, checkpoint_name`,
    checkpointName === undefined ? [] : [checkpointName],
  );
  return rows.map((r) => ({
    projection: r.checkpoint_name,
    eventId: r.event_id,
    position: Number(r.position),
    streamId: r.stream_id,
    type: r.event_type,
    reason: r.reason,
    errorName: r.error_name,
    attempts: Number(r.attempts),
    parkedAt: new Date(r.parked_at).toISOString(),
  }));
}

export async function countParkedEvents(em: EntityManager, checkpointName: string): Promise<number> {
  const rows = await em.execute<{ n: string | number }[]>(`select count(*) as n from ${TABLE} where checkpoint_name = ?`, [checkpointName]);
  return Number(rows[0]?.n ?? 0);
}

export async function deleteParkedEvents(em: EntityManager, checkpointName: string): Promise<void> {
  await em.execute(`delete from ${TABLE} where checkpoint_name = ?`, [checkpointName], 'run');
}

interface ParkedRow {
  checkpoint_name: string;
  event_id: string;
  position: string | number;
  stream_id: string;
  event_type: string;
  reason: string;
  error_name: string;
  attempts: string | number;
  parked_at: string | Date;
}

function describeError(error: unknown): { name: string; message: string } {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  // The message may quote the very value that failed: keep it storable, and short.
  return { name: repairText(name).slice(0, 200), message: repairText(message).slice(0, MAX_REASON_LENGTH) };
}
