import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectFirstKeyKeptFoundAndDeleted } from '../testing/__fixtures__/learner-key-table-behaviour';
import { SqliteLearnerKeyTable } from './sqlite-learner-key-table';

describe('learner key table in its own SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the first key of a learner, finds by id and email index, deletes', async () => {
    const table = new SqliteLearnerKeyTable(join(dir, 'a', 'keys.sqlite'));
    try {
      await expectFirstKeyKeptFoundAndDeleted(table);
    } finally {
      await table.close();
    }
  });

  it('leaves no byte of a deleted key in the database file or its write-ahead log', async () => {
    const folder = join(dir, 'b');
    const table = new SqliteLearnerKeyTable(join(folder, 'keys.sqlite'));
    const secret = `wrapped-key-${Date.now()}-to-be-shredded`;
    const holding = () => readdirSync(folder).filter((f) => readFileSync(join(folder, f)).includes(secret));
    try {
      await table.insert({ learnerId: 'l1', wrappedKey: secret, emailIndex: 'e1' });
      await table.insert({ learnerId: 'l2', wrappedKey: 'kept', emailIndex: 'e2' });
      expect(holding().length).toBeGreaterThan(0);
      expect(await table.delete('l1')).toBe(true);
      expect(holding()).toEqual([]);
      expect((await table.find('l2'))?.wrappedKey).toBe('kept');
    } finally {
      await table.close();
    }
    expect(holding()).toEqual([]);
  });
});
