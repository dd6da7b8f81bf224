/** PostgreSQL's answers when another replica created the same table or schema a moment earlier. */
const CREATED_CONCURRENTLY = new Set(['23505', '42P07']);

/**
 * Runs idempotent DDL (`CREATE … IF NOT EXISTS`) once per process, the first time it is needed. Two replicas
 * creating the same table at once make the loser fail with a duplicate type or relation: that counts as done. Any
 * other failure is thrown, and the next call tries again.
 */
export function ddlOnce(create: () => Promise<unknown>): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () =>
    (ready ??= create().then(
      () => undefined,
      (error: { code?: string }) => {
        if (error.code && CREATED_CONCURRENTLY.has(error.code)) return;
        ready = undefined;
        throw error;
      },
    ));
}
