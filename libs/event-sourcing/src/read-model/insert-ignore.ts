import type { EntityKey, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { AnyEntitySchema, EntityOf } from './any-entity-schema';

/**
 * Inserts one row unless a row with the same `key` exists, which is left untouched: the write of a
 * creation event whose replay must not undo what later events changed. A query builder insert skips
 * the identity map, so the row is written at once.
 */
export async function insertIgnore<E extends AnyEntitySchema>(
  em: EntityManager,
  entity: E,
  key: EntityKey<EntityOf<E>>,
  data: RequiredEntityData<EntityOf<E>>,
): Promise<void> {
  await em.createQueryBuilder<EntityOf<E>>(entity).insert(data).onConflict(key).ignore().execute('run');
}
