import type { AnyEntity, EntityClass, EntitySchema } from '@mikro-orm/core';
import { MikroORM as PgliteOrm } from '@mikro-orm/pglite';
import { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/sql';
import type { VersionedReadModel } from './versioned-read-model';

/** Where read models live: PostgreSQL (distributed) or PGlite with its data directory on disk (embedded). */
export type ReadModelDatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | {
      kind: 'pglite';
      /** Directory of the embedded cluster; `memory://` for a throw-away one. */
      dataDir: string;
    };

export interface ReadModelOrmOptions {
  /** Entity schemas (e.g. `readModel.entity(version)`); more can be added later with `orm.discoverEntity`. */
  entities?: (EntitySchema | EntityClass<AnyEntity>)[];
  /** Registers the read models of these projections at their current version, for query handlers. */
  projections?: readonly { version: number; readModels: readonly VersionedReadModel[] }[];
  /** Log every query (development only). */
  debug?: boolean;
}

/** The ORM type both backends share: one code path for handlers and queries. */
export type ReadModelOrm = MikroORM;

/**
 * Opens MikroORM on the configured read model database. Schema is managed by the projection kernel
 * (`ensureReadModelTables`), never by MikroORM's automatic sync.
 */
export async function createReadModelOrm(config: ReadModelDatabaseConfig, options: ReadModelOrmOptions = {}): Promise<ReadModelOrm> {
  const common = {
    entities: [...(options.entities ?? []), ...(options.projections ?? []).flatMap((p) => p.readModels.map((m) => m.entity(p.version)))],
    debug: options.debug ?? false,
    discovery: { warnWhenNoEntities: false },
    // Every unit of work must fork: a shared identity map across requests and projection batches is a bug.
    allowGlobalContext: false,
  };
  if (config.kind === 'postgres') {
    return (await PostgresOrm.init({
      ...common,
      clientUrl: config.url,
      pool: { min: 0, max: config.poolSize ?? 10 },
    })) as unknown as ReadModelOrm;
  }
  if (config.kind === 'pglite') {
    if (!config.dataDir) throw new TypeError('pglite read models need a dataDir');
    return (await PgliteOrm.init({ ...common, dbName: config.dataDir })) as unknown as ReadModelOrm;
  }
  throw new TypeError(`Unknown read model database kind: ${(config as { kind: unknown }).kind}`);
}
