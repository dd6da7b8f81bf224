import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import { createReadModelOrm, type ReadModelOrm } from '../read-model/create-read-model-orm';
import { SqlSnapshotStore } from './sql-snapshot-store';
import { sqlSnapshotStoreContract } from './__tests__/sql-snapshot-store.contract';

describe('SqlSnapshotStore on PostgreSQL', () => {
  let db: TestDatabase;
  let orm: ReadModelOrm;
  beforeAll(async () => {
    db = await createTestDatabase('snapshots');
    orm = await createReadModelOrm({ kind: 'postgres', url: db.url });
  });
  beforeEach(async () => {
    const store = new SqlSnapshotStore(orm.em);
    await store.ensureSchema();
    await orm.em.fork().execute('delete from aggregate_snapshots', [], 'run');
  });
  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  sqlSnapshotStoreContract(() => new SqlSnapshotStore(orm.em));
});
