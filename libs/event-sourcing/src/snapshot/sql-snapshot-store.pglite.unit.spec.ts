import { type ReadModelOrm } from '../read-model/create-read-model-orm';
import { PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '../testing';
import { SqlSnapshotStore } from './sql-snapshot-store';
import { sqlSnapshotStoreContract } from './__tests__/sql-snapshot-store.contract';

describe('SqlSnapshotStore on PGlite', () => {
  let orm: ReadModelOrm;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
  }, PGLITE_START_BUDGET_MS);
  beforeEach(async () => {
    const store = new SqlSnapshotStore(orm.em);
    await store.ensureSchema();
    await orm.em.fork().execute('delete from aggregate_snapshots', [], 'run');
  });
  afterAll(() => orm.close());

  sqlSnapshotStoreContract(() => new SqlSnapshotStore(orm.em));
});
