import {
  compareTables,
  deleteCheckpoint,
  dropReadModelTables,
  ensureCheckpointTable,
  type EventStore,
  forkEntityManager,
  type ProjectionDefinition,
  projectionEntities,
  ProjectionRunner,
  type ReadModelDatabaseConfig,
  type ReadModelOrm,
  readCheckpoint,
  recreateReadModelTables,
  type UpcasterRegistry,
} from '@alliance/event-sourcing';
import type { EntityManager } from '@mikro-orm/sql';
import { AuditException } from '../domain/audit.exception';

/** A read model a context lets auditors rebuild and compare: its projection, store and database. */
export interface AuditedProjection {
  /** The service whose event store feeds it. */
  store: string;
  projection: ProjectionDefinition;
  /** Where the service keeps it (the same database the live tables are in). */
  readModel: ReadModelDatabaseConfig;
  upcasters?: UpcasterRegistry;
  /** Columns that legitimately differ between two builds, e.g. when a row was projected. */
  ignoreColumns?: string[];
}

export interface TableDifference {
  table: string;
  replayTable: string;
  equal: boolean;
  liveRows: number;
  replayRows: number;
  onlyInLive: number;
  onlyInReplay: number;
  sampleOnlyInLive: Record<string, unknown>[];
  sampleOnlyInReplay: Record<string, unknown>[];
}

export interface ReadModelReplayReport {
  projection: string;
  store: string;
  liveVersion: number;
  replayVersion: number;
  /** The live checkpoint the replay was built up to (and compared at). */
  position: number;
  handled: number;
  ms: number;
  eventsPerSecond: number;
  tables: TableDifference[];
  identical: boolean;
}

export interface ReplayOptions {
  store: EventStore;
  orm: ReadModelOrm;
  entry: Omit<AuditedProjection, 'readModel'>;
  /** Version number of the replay's throw-away tables (default: live + 5000). */
  replayVersion?: number;
  /** Keep the replay's tables for inspection instead of dropping them. */
  keepReplayTables?: boolean;
  onProgress?: (p: { handled: number; position: number; target: number }) => void;
}

/** Rounds of "catch up to the live checkpoint, compare" while the live projection keeps moving. */
const MAX_ROUNDS = 3;

/**
 * Rebuilds a read model from position zero into fresh tables beside the live ones, up to exactly the
 * position the live tables are at, and diffs the two; none is expected. If the live projection moves
 * during the comparison, the replay catches up to it and compares again.
 */
export async function replayReadModel(options: ReplayOptions): Promise<ReadModelReplayReport> {
  const { store, orm, entry } = options;
  const projection = entry.projection;
  const replayVersion = options.replayVersion ?? projection.version + 5000;
  const em = forkEntityManager(orm);
  await ensureCheckpointTable(em);
  const liveCheckpoint = `${projection.name}_v${projection.version}`;
  const replayCheckpoint = `${projection.name}_v${replayVersion}`;
  const live = await readCheckpoint(em, liveCheckpoint);
  if (live === undefined) {
    throw new AuditException(
      'audit.read-model-not-live',
      `read model ${liveCheckpoint} has no live checkpoint in this database: is its service running against it?`,
      'projection',
    );
  }
  let target: number = live;

  const entities = projectionEntities(projection, replayVersion);
  await recreateReadModelTables(orm, entities);
  await deleteCheckpoint(em, replayCheckpoint);
  const started = Date.now();
  let handled = 0;
  const runner = new ProjectionRunner({
    store,
    orm,
    projection,
    version: replayVersion,
    ...(entry.upcasters ? { upcasters: entry.upcasters } : {}),
    batchSize: 1000,
    onProgress: (p) => options.onProgress?.({ handled: p.handledTotal, position: p.position, target }),
  });
  try {
    let tables: TableDifference[] = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      handled += (await runner.catchUp({ until: target })).handled;
      tables = await compareAll(em, projection, replayVersion, entry.ignoreColumns);
      const now: number = (await readCheckpoint(em, liveCheckpoint)) ?? target;
      if (now === target || tables.every((t) => t.equal)) break;
      target = now;
    }
    const ms = Date.now() - started;
    return {
      projection: projection.name,
      store: entry.store,
      liveVersion: projection.version,
      replayVersion,
      position: target,
      handled,
      ms,
      eventsPerSecond: Math.round((handled * 1000) / Math.max(1, ms)),
      tables,
      identical: tables.every((t) => t.equal),
    };
  } finally {
    if (!options.keepReplayTables) {
      await dropReadModelTables(orm, entities);
      await deleteCheckpoint(em, replayCheckpoint);
    }
  }
}

async function compareAll(
  em: EntityManager,
  projection: ProjectionDefinition,
  replayVersion: number,
  ignoreColumns?: string[],
): Promise<TableDifference[]> {
  const out: TableDifference[] = [];
  for (const model of projection.readModels) {
    const table = model.table(projection.version);
    const replayTable = model.table(replayVersion);
    const diff = await compareTables(em, table, replayTable, { sampleSize: 5, ...(ignoreColumns ? { ignoreColumns } : {}) });
    out.push({
      table,
      replayTable,
      equal: diff.equal,
      liveRows: diff.rowsA,
      replayRows: diff.rowsB,
      onlyInLive: diff.onlyInA,
      onlyInReplay: diff.onlyInB,
      sampleOnlyInLive: diff.sampleOnlyInA,
      sampleOnlyInReplay: diff.sampleOnlyInB,
    });
  }
  return out;
}
