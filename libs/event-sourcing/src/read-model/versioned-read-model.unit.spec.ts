import { p } from '@mikro-orm/core';
import { readModelTable } from './versioned-read-model';

describe('readModelTable', () => {
  const Rows = readModelTable('demo_tallies', () => ({ id: p.string().primary(), count: p.integer() }));

  it('names each version its entity and table after the base table', () => {
    expect(Rows.baseTable).toBe('demo_tallies');
    expect(Rows.entity(2).meta.className).toBe('DemoTalliesV2');
    expect(Rows.entity(2).meta.tableName).toBe('demo_tallies_v2');
    expect(Rows.entity(2)).toBe(Rows.entity(2));
  });

  it('gives every version properties of its own', () => {
    const [one, two] = [Rows.entity(1).meta.properties, Rows.entity(2).meta.properties];
    expect(Object.keys(one).sort()).toEqual(['count', 'id']);
    expect(one.id).not.toBe(two.id);
    expect(one.id.primary).toBe(true);
  });

  it('refuses a table name that is not snake case', () => {
    expect(() => readModelTable('Demo-Tallies', () => ({ id: p.string().primary() }))).toThrow(RangeError);
  });
});
