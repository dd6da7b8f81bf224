import type { EventStore, RecordedEvent } from '@alliance/event-sourcing';
import { CREATE_SQL, UPSERT_SQL, type BenchData } from './bench-projection';

/** The smallest client both baselines need: parameterised queries on one session. */
export interface RawClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Hand-written projection: read the log in batches, one transaction per batch with one upsert per event
 * and the checkpoint update. What the runner would cost with no ORM at all.
 */
export async function rawReplay(store: EventStore, client: RawClient, table: string, batchSize: number): Promise<number> {
  await client.query(`drop table if exists ${table}`);
  await client.query(CREATE_SQL(table));
  await client.query(`create table if not exists bench_raw_checkpoints (name text primary key, position bigint not null)`);
  await client.query(`insert into bench_raw_checkpoints values ($1, 0) on conflict (name) do update set position = 0`, [table]);
  let position = 0;
  let handled = 0;
  for (;;) {
    const batch: RecordedEvent<BenchData>[] = [];
    for await (const e of store.readAll({
      fromPosition: position,
      maxCount: batchSize,
      batchSize,
      filter: { eventTypes: ['bench.item-recorded'] },
    })) {
      batch.push(e as RecordedEvent<BenchData>);
    }
    if (batch.length === 0) return handled;
    await client.query('begin');
    try {
      for (const e of batch) await client.query(UPSERT_SQL(table), [e.data.itemId, e.streamId, e.data.amount, e.position]);
      position = batch[batch.length - 1].position;
      await client.query(`update bench_raw_checkpoints set position = $1 where name = $2`, [position, table]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    handled += batch.length;
  }
}
