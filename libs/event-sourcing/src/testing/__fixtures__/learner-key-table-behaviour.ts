import type { LearnerKeyTable } from '../../personal-data/learner-key-table.port';

/** What every learner key table does: keeps the first key of a learner, finds keys by id and by email index, and deletes them. */
export async function expectFirstKeyKeptFoundAndDeleted(table: LearnerKeyTable): Promise<void> {
  expect(await table.insert({ learnerId: 'l1', wrappedKey: 'k1', emailIndex: 'e1' })).toEqual({
    learnerId: 'l1',
    wrappedKey: 'k1',
    emailIndex: 'e1',
  });
  expect((await table.insert({ learnerId: 'l1', wrappedKey: 'k2', emailIndex: 'e2' })).wrappedKey).toBe('k1');
  await table.insert({ learnerId: 'l2', wrappedKey: 'k3', emailIndex: null });
  await table.insert({ learnerId: 'l3', wrappedKey: 'k4', emailIndex: 'e1' });
  expect((await table.findMany(['l1', 'l2', 'nope'])).map((k) => k.learnerId).sort()).toEqual(['l1', 'l2']);
  expect((await table.findAllByEmailIndex('e1')).map((k) => k.learnerId)).toEqual(['l1', 'l3']);
  expect((await table.all()).map((k) => k.learnerId)).toEqual(['l1', 'l2', 'l3']);
  expect(await table.delete('l1')).toBe(true);
  expect(await table.delete('l1')).toBe(false);
  expect(await table.find('l1')).toBeUndefined();
}
