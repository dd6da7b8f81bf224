import { EntitySchema, type AnyEntity, type EntityClass } from '@mikro-orm/core';
import { DatabaseSchema, type AbstractSqlPlatform, type EntityManager } from '@mikro-orm/sql';
import type { AnyEntitySchema } from './any-entity-schema';
import type { ReadModelOrm } from './create-read-model-orm';

type EntityRef = AnyEntitySchema | EntityClass<AnyEntity>;

/**
 * Creates the tables of these entities where missing (`create table` plus indexes), discovering the
 * entities first if the ORM does not know them yet. Other tables are never touched.
 */
export async function ensureReadModelTables(orm: ReadModelOrm, entities: readonly EntityRef[]): Promise<string[]> {
  discover(orm, entities);
  const em = orm.em.fork();
  const created: string[] = [];
  for (const table of targetTables(orm, entities)) {
    if (await tableExists(em, table.name)) continue;
    await em.transactional(async (tx) => {
      for (const sql of table.ddl) await tx.execute(sql, [], 'run');
    });
    created.push(table.name);
  }
  return created;
}

/** Drops the tables of these entities (if present) and creates them empty: the start of a rebuild. */
export async function recreateReadModelTables(orm: ReadModelOrm, entities: readonly EntityRef[]): Promise<void> {
  await dropReadModelTables(orm, entities);
  await ensureReadModelTables(orm, entities);
}

/** Drops the tables of these entities, e.g. a retired read model version. */
export async function dropReadModelTables(orm: ReadModelOrm, entities: readonly EntityRef[]): Promise<void> {
  discover(orm, entities);
  const em = orm.em.fork();
  for (const table of targetTables(orm, entities)) {
    await em.execute(`drop table if exists ${quoteIdent(table.name)} cascade`, [], 'run');
  }
}

/** Does a table exist in the current schema? */
export async function tableExists(em: EntityManager, table: string): Promise<boolean> {
  const rows = await em.execute<{ found: string | null }[]>(`select to_regclass(?) as found`, [quoteIdent(table)]);
  return rows[0]?.found != null;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function discover(orm: ReadModelOrm, entities: readonly EntityRef[]): void {
  const metadata = orm.getMetadata();
  // `find` also answers for schemas never discovered (their raw definition); only `has` means processed.
  const unknown = entities.filter((e) => !metadata.has(EntitySchema.is(e) ? e.meta.class : e));
  if (unknown.length) orm.discoverEntity(unknown as Parameters<ReadModelOrm['discoverEntity']>[0]);
}

function targetTables(orm: ReadModelOrm, entities: readonly EntityRef[]): { name: string; ddl: string[] }[] {
  const metas = entities.map((e) => orm.getMetadata(e));
  const platform = orm.em.getPlatform() as AbstractSqlPlatform;
  const schema = DatabaseSchema.fromMetadata(metas, platform, orm.config, undefined, orm.em);
  const helper = platform.getSchemaHelper()!;
  return schema.getTables().map((table) => ({ name: table.name, ddl: helper.createTable(table).filter((s) => s.trim()) }));
}
