import { defineEntity } from '@mikro-orm/core';
import type { AnyEntitySchema } from './any-entity-schema';

/** Names handed to a read model's entity builder for one version. */
export interface ReadModelNames {
  /** Unique entity name, e.g. `CatalogueDefinitionsV2`. */
  name: string;
  /** Versioned table name, e.g. `catalogue_definitions_v2`. */
  tableName: string;
  version: number;
}

/**
 * A read model table whose name carries a version (`<baseTable>_v<N>`), so a projection can be rebuilt
 * into a fresh table beside the one being served (blue/green) and the two compared.
 */
export interface VersionedReadModel<TEntity extends AnyEntitySchema = AnyEntitySchema> {
  readonly baseTable: string;
  table(version: number): string;
  /** The entity schema of one version; the same object for the same version. */
  entity(version: number): TEntity;
}

const TABLE_NAME = /^[a-z][a-z0-9_]{0,50}$/;

/**
 * Declares a versioned read model. `build` returns the entity schema (e.g. with `defineEntity`) for the
 * names it is given:
 *
 * ```ts
 * export const DefinitionRows = defineReadModel('catalogue_definitions', ({ name, tableName }) =>
 *   defineEntity({ name, tableName, properties: { id: p.string().primary(), title: p.string() } }));
 * ```
 */
export function defineReadModel<TEntity extends AnyEntitySchema>(
  baseTable: string,
  build: (names: ReadModelNames) => TEntity,
): VersionedReadModel<TEntity> {
  if (!TABLE_NAME.test(baseTable)) throw new RangeError(`Read model table name must be snake_case: ${baseTable}`);
  const byVersion = new Map<number, TEntity>();
  const table = (version: number): string => {
    if (!Number.isInteger(version) || version < 1) throw new RangeError(`Read model version must be >= 1: ${version}`);
    return `${baseTable}_v${version}`;
  };
  return {
    baseTable,
    table,
    entity(version) {
      let entity = byVersion.get(version);
      if (!entity) {
        const tableName = table(version);
        entity = build({ name: `${pascal(baseTable)}V${version}`, tableName, version });
        byVersion.set(version, entity);
      }
      return entity;
    },
  };
}

/**
 * A versioned read model of one table, its entity named after the table: `columns` builds the properties afresh
 * for each version (MikroORM property builders are not shared between entities).
 *
 * ```ts
 * export const DefinitionRows = readModelTable('catalogue_definitions', () => ({ id: p.string().primary(), title: p.string() }));
 * ```
 */
export function readModelTable<const TColumns extends Record<string, unknown>>(baseTable: string, columns: () => TColumns) {
  return defineReadModel(baseTable, ({ name, tableName }) => defineEntity({ name, tableName, properties: columns() }));
}

function pascal(snake: string): string {
  return snake
    .split('_')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
