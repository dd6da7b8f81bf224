import type { EntityKey, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { RecordedEvent } from '../envelope';
import type { AnyEntitySchema, EntityOf } from '../read-model/any-entity-schema';
import type { VersionedReadModel } from '../read-model/versioned-read-model';

/** What a projection handler gets besides the event: the batch's transaction and its read model version. */
export interface ProjectionContext {
  /** Entity manager inside the batch transaction; the checkpoint commits with whatever it writes. */
  em: EntityManager;
  /** Read model version this run writes. */
  version: number;
  /** Entity schema of a read model at this run's version. */
  entity<E extends AnyEntitySchema>(model: VersionedReadModel<E>): E;
  /** Table name of a read model at this run's version, for raw SQL. */
  table(model: VersionedReadModel): string;
  /**
   * Inserts or updates one row by primary key (or `conflictFields`), at once and outside the identity
   * map: the idempotent write most handlers need, and the fastest one.
   */
  upsert<E extends AnyEntitySchema>(
    model: VersionedReadModel<E>,
    data: RequiredEntityData<EntityOf<E>>,
    options?: { conflictFields?: EntityKey<EntityOf<E>>[] },
  ): Promise<void>;
}

/**
 * Applies one (upcast) event to the read models. Must be deterministic and idempotent (prefer upserts
 * and keyed updates): a rebuild replays it, and tests apply every event twice.
 */
export type ProjectionHandler<TData = unknown> = {
  // Method syntax keeps handlers of specific payloads (`RecordedEvent<Drafted>`) assignable to the map.
  handle(event: RecordedEvent<TData>, context: ProjectionContext): Promise<void> | void;
}['handle'];

/** A projection as declared by a bounded context. */
export interface ProjectionDefinition {
  /** Stable name, e.g. `catalogue.definitions`. */
  name: string;
  /**
   * Version of the read model tables this code writes and reads (`<table>_v<version>`). Bump it when the
   * table shape or a handler changes: the new version is built from position zero beside the old one.
   */
  version: number;
  readModels: readonly VersionedReadModel[];
  /** One handler per event type; only these types are read from the store. */
  handlers: Readonly<Record<string, ProjectionHandler>>;
  /** Narrows further to streams with these prefixes. */
  streamPrefixes?: string[];
}

export interface Projection extends ProjectionDefinition {
  /** Entity schema of a read model at the projection's current version: what query handlers use. */
  entity<E extends AnyEntitySchema>(model: VersionedReadModel<E>): E;
  /** Checkpoint name of a version (`<name>_v<version>`). */
  checkpointName(version?: number): string;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * Declares a projection:
 *
 * ```ts
 * export const definitionsProjection = defineProjection({
 *   name: 'catalogue.definitions',
 *   version: 1,
 *   readModels: [DefinitionRows],
 *   handlers: {
 *     'catalogue.definition-drafted': async (e: RecordedEvent<Drafted>, { em, entity }) => {
 *       await em.upsert(entity(DefinitionRows), { id: e.data.id, title: e.data.title });
 *     },
 *   },
 * });
 * // query side: orm.em.fork().find(definitionsProjection.entity(DefinitionRows), {})
 * ```
 */
export function defineProjection(definition: ProjectionDefinition): Projection {
  if (!NAME.test(definition.name)) throw new RangeError(`Projection name must be dotted kebab-case: ${definition.name}`);
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new RangeError(`Projection ${definition.name}: version must be an integer >= 1`);
  }
  if (Object.keys(definition.handlers).length === 0) throw new RangeError(`Projection ${definition.name} handles no event type`);
  return {
    ...definition,
    entity: (model) => model.entity(definition.version),
    checkpointName: (version = definition.version) => `${definition.name}_v${version}`,
  };
}

/** Entity schemas of all read models of a projection at one version. */
export function projectionEntities(projection: ProjectionDefinition, version: number): AnyEntitySchema[] {
  return projection.readModels.map((m) => m.entity(version));
}
