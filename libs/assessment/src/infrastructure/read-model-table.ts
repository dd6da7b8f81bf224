import { defineReadModel } from '@alliance/event-sourcing';
import { defineEntity } from '@mikro-orm/core';

/** A versioned read model of one table, its entity named after the table; `columns` builds its properties afresh for each version. */
export function readModelTable<const TProperties extends Record<string, unknown>>(baseTable: string, columns: () => TProperties) {
  return defineReadModel(baseTable, ({ name, tableName }) => defineEntity({ name, tableName, properties: columns() }));
}
