import { FlushMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';

const caches = new WeakMap<EntityManager, Map<string, unknown>>();

/**
 * Rows a projection batch has already loaded or created, keyed by aggregate. The runner gives each batch
 * its own entity manager (one transaction), so the cache lives exactly as long as the batch: consecutive
 * events of one aggregate fold in memory and are written once when the batch flushes.
 */
export function batchCached<T>(em: EntityManager, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(em);
  if (!cache) caches.set(em, (cache = new Map()));
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const loading = load();
  cache.set(key, loading);
  return loading;
}

/** Updates a managed row (loaded or created in this batch); the flush writes only what changed. */
export function assignRow(em: EntityManager, row: object, values: Record<string, unknown>): void {
  em.assign(row, values);
}

/**
 * Loading an aggregate's rows never needs the pending changes of other aggregates flushed first (its own
 * are in the cache), and an automatic flush before every load would make a batch quadratic in its size.
 */
export const NO_AUTOFLUSH = { flushMode: FlushMode.COMMIT } as const;
