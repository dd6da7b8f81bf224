import { createReadModelOrm, type ReadModelOrm } from '../read-model';

/**
 * How long a spec file may give PGlite to start: compiling its WebAssembly and starting the cluster takes seconds
 * alone and far longer when test files run side by side on a small machine, so the start-up is paid in the
 * `beforeAll` with this budget and never inside a test's own time.
 */
export const PGLITE_START_BUDGET_MS = 180_000;

/** An in-memory PGlite read model, started (its first query answered) before it is handed out. */
export async function startPgliteForSpecs(): Promise<ReadModelOrm> {
  const orm = await createReadModelOrm({ kind: 'pglite', dataDir: 'memory://' });
  await orm.em.fork().execute('select 1');
  return orm;
}
