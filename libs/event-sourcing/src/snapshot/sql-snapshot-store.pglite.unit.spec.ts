import { createReadModelOrm, type ReadModelOrm } from '../read-model/create-read-model-orm';
import { SqlSnapshotStore } from './sql-snapshot-store';
import { sqlSnapshotStoreContract } from './__tests__/sql-snapshot-store.contract';

describe('SqlSnapshotStore on PGlite', () => {
  let orm: ReadModelOrm;
  beforeAll(async () => {
    orm = await createReadModelOrm({ kind: 'pglite', dataDir: 'memory://' });
    // PGlite starts its cluster on the first query: pay that here, not inside a test's time budget.
    await orm.em.fork().execute('select 1');
  }, 30_000);
  beforeEach(async () => {
    const store = new SqlSnapshotStore(orm.em);
    await store.ensureSchema();
    await orm.em.fork().execute('delete from aggregate_snapshots', [], 'run');
  });
  afterAll(() => orm.close());

  sqlSnapshotStoreContract(() => new SqlSnapshotStore(orm.em));
});
