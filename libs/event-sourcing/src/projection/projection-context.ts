import type { EntityKey, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { AnyEntitySchema, EntityOf } from '../read-model/any-entity-schema';
import type { VersionedReadModel } from '../read-model/versioned-read-model';
import type { ProjectionContext } from './projection';

/** Builds the context handed to handlers of one batch. */
export function createProjectionContext(em: EntityManager, version: number): ProjectionContext {
  return {
    em,
    version,
    entity: (model) => model.entity(version),
    table: (model) => model.table(version),
    async upsert<E extends AnyEntitySchema>(
      model: VersionedReadModel<E>,
      data: RequiredEntityData<EntityOf<E>>,
      options?: { conflictFields?: EntityKey<EntityOf<E>>[] },
    ): Promise<void> {
      const entity = model.entity(version);
      const conflict = options?.conflictFields ?? em.getMetadata<EntityOf<E>>(entity).primaryKeys;
      // A query builder insert skips the identity map and RETURNING of em.upsert: ~1.5x faster in replays.
      await em.createQueryBuilder<EntityOf<E>>(entity).insert(data).onConflict(conflict).merge().execute('run');
    },
  };
}
