import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '../testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadModelOrm, type ReadModelOrm } from '../read-model';
import { expectFirstKeyKeptFoundAndDeleted } from '../testing/__fixtures__/learner-key-table-behaviour';
import { SqlLearnerKeyTable } from './sql-learner-key-table';

// PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('learner key table (PGlite)', () => {
  let orm: ReadModelOrm;
  let table: SqlLearnerKeyTable;
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
    table = new SqlLearnerKeyTable(orm, 'test_learner_keys');
    await table.ensureTable();
    await table.ensureTable();
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());

  it('keeps the first key of a learner, finds by id and email index, deletes', async () => {
    await expectFirstKeyKeptFoundAndDeleted(table);
  });
});

describe('learner key table on disk', () => {
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });

  it("leaves no copy of a deleted key in the database's table files", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'learner-keys-'));
    const orm = await createReadModelOrm({ kind: 'pglite', dataDir: dir });
    try {
      const table = new SqlLearnerKeyTable(orm, 'test_learner_keys');
      await table.ensureTable();
      const secret = `wrapped-key-${Date.now()}-to-be-shredded`;
      await table.insert({ learnerId: 'l1', wrappedKey: secret, emailIndex: 'e1' });
      await table.insert({ learnerId: 'l2', wrappedKey: 'kept', emailIndex: 'e2' });
      await orm.em.fork().execute('checkpoint', [], 'run');
      const tableFiles = () => filesUnder(join(dir, 'base'));
      expect(tableFiles().some((f) => readFileSync(f).includes(secret))).toBe(true);
      expect(await table.delete('l1')).toBe(true);
      await orm.em.fork().execute('checkpoint', [], 'run');
      expect(tableFiles().filter((f) => readFileSync(f).includes(secret))).toEqual([]);
      expect((await table.find('l2'))?.wrappedKey).toBe('kept');
    } finally {
      await orm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
