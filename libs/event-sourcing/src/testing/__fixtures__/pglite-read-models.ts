import type { ReadModelOrm } from '../../read-model/create-read-model-orm';
import { PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '../pglite-for-specs';

/** Read models on one in-memory PGlite for the tests of the `describe` block that calls it: started before them, closed after. */
export function pgliteReadModels(): { readonly orm: ReadModelOrm } {
  let started: ReadModelOrm | undefined;
  beforeAll(async () => {
    started = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => started?.close());
  return {
    get orm(): ReadModelOrm {
      if (!started) throw new Error('PGlite read models are started in beforeAll: use them inside a test');
      return started;
    },
  };
}
