import type { EntityManager } from '@mikro-orm/sql';
import type { Snapshot, SnapshotStore } from './snapshot-store.port';

const TABLE = 'aggregate_snapshots';

/**
 * Snapshots in a table beside the read models (PostgreSQL or PGlite through MikroORM): one row per stream,
 * newest wins. Call `ensureSchema()` once at start.
 */
export class SqlSnapshotStore implements SnapshotStore {
  constructor(private readonly em: EntityManager) {}

  async ensureSchema(): Promise<void> {
    await this.em.fork().execute(
      `create table if not exists ${TABLE} (
        stream_id text primary key,
        revision bigint not null,
        state_version integer not null,
        state jsonb not null,
        taken_at timestamptz not null
      )`,
      [],
      'run',
    );
  }

  async load(streamId: string): Promise<Snapshot | undefined> {
    const rows = await this.em
      .fork()
      .execute<{ revision: string | number; state_version: number; state: unknown; taken_at: Date | string }[]>(
        `select revision, state_version, state, taken_at from ${TABLE} where stream_id = ?`,
        [streamId],
      );
    const row = rows[0];
    if (!row) return undefined;
    return {
      streamId,
      revision: Number(row.revision),
      stateVersion: Number(row.state_version),
      state: typeof row.state === 'string' ? JSON.parse(row.state) : row.state,
      takenAt: new Date(row.taken_at).toISOString(),
    };
  }

  async save(snapshot: Snapshot): Promise<void> {
    // A slower writer must not replace a newer snapshot of the same state version.
    await this.em.fork().execute(
      `insert into ${TABLE} (stream_id, revision, state_version, state, taken_at) values (?, ?, ?, ?::jsonb, ?)
       on conflict (stream_id) do update set revision = excluded.revision, state_version = excluded.state_version,
         state = excluded.state, taken_at = excluded.taken_at
       where ${TABLE}.revision <= excluded.revision or ${TABLE}.state_version <> excluded.state_version`,
      [snapshot.streamId, snapshot.revision, snapshot.stateVersion, JSON.stringify(snapshot.state), snapshot.takenAt],
      'run',
    );
  }

  async delete(streamId: string): Promise<void> {
    await this.em.fork().execute(`delete from ${TABLE} where stream_id = ?`, [streamId], 'run');
  }
}
