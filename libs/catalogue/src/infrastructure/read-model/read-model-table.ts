import { defineReadModel } from '@alliance/event-sourcing';
import { defineEntity } from '@mikro-orm/core';

/** A versioned read model table: each version's entity gets the columns `columns` builds, under that version's names. */
export function readModelTable<const TColumns extends Record<string, unknown>>(baseTable: string, columns: () => TColumns) {
  return defineReadModel(baseTable, ({ name, tableName }) => defineEntity({ name, tableName, properties: columns() }));
}
