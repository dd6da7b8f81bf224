import { defineEntity, p } from '@mikro-orm/core';
import { defineProjection, defineReadModel, type RecordedEvent } from '@alliance/event-sourcing';

// One upsert per event into one table: the same work the raw baseline does, so the ratio isolates the
// cost of MikroORM (unit of work, hydration-free upsert) plus the runner.

export const BenchRows = defineReadModel('bench_projection_items', ({ name, tableName }) =>
  defineEntity({
    name,
    tableName,
    properties: {
      id: p.string().primary(),
      streamId: p.string(),
      amount: p.integer(),
      lastPosition: p.bigint('number'),
    },
  }),
);

export interface BenchData {
  itemId: string;
  amount: number;
}

/** Handlers written with the context's `upsert` (query builder, no identity map). */
export const benchProjection = defineProjection({
  name: 'bench.items',
  version: 1,
  readModels: [BenchRows],
  handlers: {
    'bench.item-recorded': async (e: RecordedEvent<BenchData>, { upsert }) => {
      await upsert(BenchRows, { id: e.data.itemId, streamId: e.streamId, amount: e.data.amount, lastPosition: e.position });
    },
  },
});

/** The same projection written with `em.upsert` (managed entities in the identity map). */
export const benchProjectionEmUpsert = defineProjection({
  ...benchProjection,
  handlers: {
    'bench.item-recorded': async (e: RecordedEvent<BenchData>, { em, entity }) => {
      await em.upsert(entity(BenchRows), { id: e.data.itemId, streamId: e.streamId, amount: e.data.amount, lastPosition: e.position });
    },
  },
});

export const UPSERT_SQL = (table: string) =>
  `insert into ${table} (id, stream_id, amount, last_position) values ($1, $2, $3, $4)
   on conflict (id) do update set stream_id = excluded.stream_id, amount = excluded.amount, last_position = excluded.last_position`;

export const CREATE_SQL = (table: string) =>
  `create table if not exists ${table} (id varchar(255) primary key, stream_id varchar(255) not null, amount int not null, last_position bigint not null)`;
