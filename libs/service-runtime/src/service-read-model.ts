import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertSchemaName,
  createReadModelOrm,
  databaseOpenFailure,
  openFailure,
  type ReadModelDatabaseConfig,
  type ReadModelOrm,
  type ReadModelOrmOptions,
  schemaPinnedLocation,
} from '@alliance/event-sourcing';
import { Client } from 'pg';
import type { ServiceConfig } from '@alliance/nest-kit';

/** Where a service keeps its read models (and the tables beside them: knowledge, inbox, checkpoints). */
export interface ServiceReadModelSpec {
  /** Embedded (READ_MODEL=pglite): the PGlite cluster under DATA_DIR/<service>/read-model. */
  service: string;
  /** Distributed (READ_MODEL=postgres): the service's own schema of the DATABASE_URL database. */
  schema: string;
  /**
   * How PostgreSQL connections land in that schema: `url` sets search_path in the location's URL (whoever
   * opens the location, an auditor too, lands there); `connection` sets it on each pooled connection once
   * the service opened its database, and leaves the location the plain DATABASE_URL.
   */
  pinning: 'url' | 'connection';
}

export interface OpenServiceReadModelOptions extends ServiceReadModelSpec {
  /** Passed to `createReadModelOrm` (e.g. the projections whose read models the queries use). */
  orm?: ReadModelOrmOptions;
  /** Creates the tables that are not projections' (knowledge, inbox...); the database is closed if it fails. */
  prepare?: (orm: ReadModelOrm) => Promise<void>;
}

/** The service's read model database: PGlite under DATA_DIR/<service>/read-model when embedded, DATABASE_URL when distributed. */
export function serviceReadModelLocation(config: ServiceConfig, spec: ServiceReadModelSpec): ReadModelDatabaseConfig {
  if (config.READ_MODEL !== 'postgres') return { kind: 'pglite', dataDir: join(config.DATA_DIR, spec.service, 'read-model') };
  const location: ReadModelDatabaseConfig = { kind: 'postgres', url: config.DATABASE_URL! };
  return spec.pinning === 'url' ? schemaPinnedLocation(location, spec.schema) : location;
}

/**
 * Opens the service's read model database: on PostgreSQL its schema is created if missing (and, with
 * `connection` pinning, every pooled connection's search_path set to it, so the kernel's unqualified SQL
 * for projection tables, checkpoints and inbox stays there); on PGlite its folder is created. Then `prepare`.
 */
export async function openServiceReadModel(config: ServiceConfig, options: OpenServiceReadModelOptions): Promise<ReadModelOrm> {
  const location = serviceReadModelLocation(config, options);
  const orm = await openDatabase(config, location, options).catch((error: unknown) => {
    // Name what could not be opened and why (a read-only folder, a refused connection), not a driver's stack.
    throw location.kind === 'pglite'
      ? openFailure('the read model folder', location.dataDir, error)
      : databaseOpenFailure('the read model database', location.url, error);
  });
  try {
    if (location.kind === 'postgres' && options.pinning === 'connection') await pinConnections(orm, options.schema);
    await options.prepare?.(orm);
  } catch (error) {
    await orm.close();
    throw error;
  }
  return orm;
}

async function openDatabase(
  config: ServiceConfig,
  location: ReadModelDatabaseConfig,
  options: OpenServiceReadModelOptions,
): Promise<ReadModelOrm> {
  if (location.kind === 'postgres') await ensureSchema(config.DATABASE_URL!, options.schema);
  else if (!location.dataDir.startsWith('memory://')) mkdirSync(location.dataDir, { recursive: true });
  const orm = await createReadModelOrm(location, options.orm);
  try {
    // PGlite starts its cluster on the first query: let a folder it cannot use fail here, where it can be named.
    await orm.em.fork().execute('select 1');
  } catch (error) {
    await orm.close().catch(() => undefined);
    throw error;
  }
  return orm;
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
}

async function pinConnections(orm: ReadModelOrm, schema: string): Promise<void> {
  await orm.reconnect({
    onCreateConnection: async (connection: unknown) => {
      // A kysely connection: only `sql` and `parameters` of the compiled query are read.
      await (connection as { executeQuery(q: { sql: string; parameters: unknown[] }): Promise<unknown> }).executeQuery({
        sql: `set search_path to ${schema}`,
        parameters: [],
      });
    },
  });
}
