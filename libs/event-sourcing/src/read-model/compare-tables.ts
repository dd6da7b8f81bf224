import type { EntityManager } from '@mikro-orm/sql';
import { quoteIdent } from './read-model-tables';

export interface TableComparison {
  equal: boolean;
  rowsA: number;
  rowsB: number;
  /** Rows (as multisets) present in A but not in B, and the reverse. */
  onlyInA: number;
  onlyInB: number;
  /** Up to `sampleSize` differing rows of each side, for a report. */
  sampleOnlyInA: Record<string, unknown>[];
  sampleOnlyInB: Record<string, unknown>[];
  columns: string[];
}

export interface CompareTablesOptions {
  /** Columns to leave out, e.g. a timestamp of when the row was projected. */
  ignoreColumns?: string[];
  sampleSize?: number;
}

/**
 * Compares two tables with the same columns as multisets of rows (`EXCEPT ALL` both ways), e.g. a read
 * model built live against the same one rebuilt from position zero.
 */
export async function compareTables(
  em: EntityManager,
  tableA: string,
  tableB: string,
  options: CompareTablesOptions = {},
): Promise<TableComparison> {
  const fork = em.fork();
  const ignore = new Set(options.ignoreColumns ?? []);
  const columnsA = (await columnsOf(fork, tableA)).filter((c) => !ignore.has(c));
  const columnsB = (await columnsOf(fork, tableB)).filter((c) => !ignore.has(c));
  if (columnsA.length === 0) throw new Error(`Table ${tableA} not found or has no columns`);
  if (columnsA.join() !== columnsB.join()) {
    throw new Error(`Tables differ in columns: ${tableA}(${columnsA.join(', ')}) vs ${tableB}(${columnsB.join(', ')})`);
  }
  const cols = columnsA.map(quoteIdent).join(', ');
  const a = quoteIdent(tableA);
  const b = quoteIdent(tableB);
  const sample = options.sampleSize ?? 5;
  const count = async (sql: string) => Number((await fork.execute<{ n: string | number }[]>(`select count(*) as n from (${sql}) d`))[0].n);
  const rows = (sql: string) => fork.execute<Record<string, unknown>[]>(`${sql} limit ${sample}`);
  const aMinusB = `select ${cols} from ${a} except all select ${cols} from ${b}`;
  const bMinusA = `select ${cols} from ${b} except all select ${cols} from ${a}`;
  const [rowsA, rowsB, onlyInA, onlyInB] = [
    await count(`select 1 from ${a}`),
    await count(`select 1 from ${b}`),
    await count(aMinusB),
    await count(bMinusA),
  ];
  return {
    equal: onlyInA === 0 && onlyInB === 0,
    rowsA,
    rowsB,
    onlyInA,
    onlyInB,
    sampleOnlyInA: onlyInA ? await rows(aMinusB) : [],
    sampleOnlyInB: onlyInB ? await rows(bMinusA) : [],
    columns: columnsA,
  };
}

async function columnsOf(em: EntityManager, table: string): Promise<string[]> {
  const rows = await em.execute<{ column_name: string }[]>(
    `select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? order by column_name`,
    [table],
  );
  return rows.map((r) => r.column_name);
}
