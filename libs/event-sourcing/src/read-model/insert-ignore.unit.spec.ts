import { defineEntity, p } from '@mikro-orm/core';
import { PGLITE_START_BUDGET_MS, startPgliteForSpecs } from '../testing';
import { type ReadModelOrm } from './create-read-model-orm';
import { forkEntityManager } from './fork-entity-manager';
import { insertIgnore } from './insert-ignore';
import { ensureReadModelTables } from './read-model-tables';
import { defineReadModel } from './versioned-read-model';

const Rows = defineReadModel('insert_ignore_rows', ({ name, tableName }) =>
  defineEntity({ name, tableName, properties: { id: p.string().primary(), label: p.string(), revision: p.integer() } }),
);

describe('insertIgnore and forkEntityManager on PGlite', () => {
  let orm: ReadModelOrm;
  const entity = Rows.entity(1);
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
    await ensureReadModelTables(orm, [entity]);
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());

  it('inserts a new row and leaves an existing one as later writes left it', async () => {
    await insertIgnore(forkEntityManager(orm), entity, 'id', { id: 'a', label: 'created', revision: 1 });
    await forkEntityManager(orm).nativeUpdate(entity, { id: 'a' }, { label: 'changed later', revision: 2 });
    await insertIgnore(forkEntityManager(orm), entity, 'id', { id: 'a', label: 'created', revision: 1 });
    await insertIgnore(forkEntityManager(orm), entity, 'id', { id: 'b', label: 'other', revision: 1 });

    const rows = await forkEntityManager(orm).find(entity, {}, { orderBy: { id: 'asc' } });
    expect(rows.map((r) => ({ id: r.id, label: r.label, revision: r.revision }))).toEqual([
      { id: 'a', label: 'changed later', revision: 2 },
      { id: 'b', label: 'other', revision: 1 },
    ]);
  });

  it('forks a unit of work of its own on every call', () => {
    const first = forkEntityManager(orm);
    expect(forkEntityManager(orm)).not.toBe(first);
    expect(first).not.toBe(orm.em);
  });
});
