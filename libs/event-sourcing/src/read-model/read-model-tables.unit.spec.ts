import { defineEntity, p } from '@mikro-orm/core';
import { pgliteReadModels } from '../testing/__fixtures__/pglite-read-models';
import { compareTables } from './compare-tables';
import { dropReadModelTables, ensureReadModelTables, recreateReadModelTables, tableExists } from './read-model-tables';
import { defineReadModel } from './versioned-read-model';

const Rows = defineReadModel('demo_rows', ({ name, tableName }) =>
  defineEntity({
    name,
    tableName,
    properties: { id: p.string().primary(), count: p.integer(), label: p.string().nullable().index() },
  }),
);

describe('read model tables on PGlite', () => {
  const readModels = pgliteReadModels();

  it('names tables and entities by version', () => {
    expect(Rows.table(3)).toBe('demo_rows_v3');
    expect(Rows.entity(3)).toBe(Rows.entity(3));
    expect(readModels.orm.getMetadata().has(Rows.entity(3).meta.class)).toBe(false);
  });

  it('creates missing tables only, discovering entities on the way', async () => {
    const { orm } = readModels;
    expect(await ensureReadModelTables(orm, [Rows.entity(1)])).toEqual(['demo_rows_v1']);
    expect(await ensureReadModelTables(orm, [Rows.entity(1)])).toEqual([]);
    const em = orm.em.fork();
    em.create(Rows.entity(1), { id: 'a', count: 1, label: null });
    await em.flush();
    expect(await orm.em.fork().count(Rows.entity(1))).toBe(1);
  });

  it('recreates a version empty and drops it', async () => {
    const { orm } = readModels;
    await recreateReadModelTables(orm, [Rows.entity(2)]);
    expect(await orm.em.fork().count(Rows.entity(2))).toBe(0);
    await recreateReadModelTables(orm, [Rows.entity(1)]);
    expect(await orm.em.fork().count(Rows.entity(1))).toBe(0);
    await dropReadModelTables(orm, [Rows.entity(2)]);
    expect(await tableExists(orm.em.fork(), 'demo_rows_v2')).toBe(false);
  });

  it('compares two versions as multisets of rows', async () => {
    const { orm } = readModels;
    await recreateReadModelTables(orm, [Rows.entity(1), Rows.entity(2)]);
    const em = orm.em.fork();
    for (const v of [1, 2]) {
      em.create(Rows.entity(v), { id: 'a', count: 1, label: 'x' });
      em.create(Rows.entity(v), { id: 'b', count: 2, label: null });
    }
    await em.flush();
    expect(await compareTables(orm.em, 'demo_rows_v1', 'demo_rows_v2')).toMatchObject({ equal: true, rowsA: 2, rowsB: 2 });

    await orm.em.fork().nativeUpdate(Rows.entity(2), { id: 'b' }, { count: 3 });
    const diff = await compareTables(orm.em, 'demo_rows_v1', 'demo_rows_v2');
    expect(diff).toMatchObject({ equal: false, onlyInA: 1, onlyInB: 1 });
    expect(diff.sampleOnlyInB).toEqual([{ id: 'b', count: 3, label: null }]);
    expect((await compareTables(orm.em, 'demo_rows_v1', 'demo_rows_v2', { ignoreColumns: ['count'] })).equal).toBe(true);
  });
});
