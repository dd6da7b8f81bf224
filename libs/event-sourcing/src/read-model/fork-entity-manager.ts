import type { EntityManager } from '@mikro-orm/sql';
import type { ReadModelOrm } from './create-read-model-orm';

/**
 * A fresh unit of work on a read model database: its own identity map, as every request, batch and
 * inbox message needs (the ORM forbids the global context).
 */
export function forkEntityManager(orm: ReadModelOrm): EntityManager {
  return orm.em.fork();
}
