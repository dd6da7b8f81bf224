import { type ReadModelOrm, PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '@alliance/event-sourcing';

/**
 * An in-memory PGlite read model for the spec file that calls this at its top: started before the file's first
 * test, closed after its last. The function returned hands the running read model to a test.
 */
export function pgliteReadModelForSpecs(): () => ReadModelOrm {
  let orm: ReadModelOrm | undefined;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm?.close());
  return () => {
    if (!orm) throw new Error('The PGlite read model is not started yet: call it inside a test.');
    return orm;
  };
}
