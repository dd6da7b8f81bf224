import { createReadModelOrm, type ReadModelOrm } from '@alliance/event-sourcing';
import { SqlLearnerKeyTable } from './sql-learner-key-table';

// PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('learner key table (PGlite)', () => {
  let orm: ReadModelOrm;
  let table: SqlLearnerKeyTable;
  beforeAll(async () => {
    orm = await createReadModelOrm({ kind: 'pglite', dataDir: 'memory://' });
    table = new SqlLearnerKeyTable(orm);
    await table.ensureTable();
    await table.ensureTable();
  });
  afterAll(() => orm.close());

  it('keeps the first key of a learner, finds by id and email index, deletes', async () => {
    expect(await table.insert({ learnerId: 'l1', wrappedKey: 'k1', emailIndex: 'e1' })).toEqual({ learnerId: 'l1', wrappedKey: 'k1', emailIndex: 'e1' });
    expect((await table.insert({ learnerId: 'l1', wrappedKey: 'k2', emailIndex: 'e2' })).wrappedKey).toBe('k1');
    await table.insert({ learnerId: 'l2', wrappedKey: 'k3', emailIndex: null });
    expect((await table.findMany(['l1', 'l2', 'nope'])).map((k) => k.learnerId).sort()).toEqual(['l1', 'l2']);
    expect((await table.findByEmailIndex('e1'))?.learnerId).toBe('l1');
    expect(await table.delete('l1')).toBe(true);
    expect(await table.delete('l1')).toBe(false);
    expect(await table.find('l1')).toBeUndefined();
  });
});
