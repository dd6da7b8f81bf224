import type { EventStore } from '../event-store.port';
import type { ReadModelOrm } from '../read-model/create-read-model-orm';
import { recreateReadModelTables } from '../read-model/read-model-tables';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { projectionEntities, type ProjectionDefinition } from './projection';
import { deleteCheckpoint, ensureCheckpointTable } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';

export interface RebuildOptions {
  store: EventStore;
  orm: ReadModelOrm;
  projection: ProjectionDefinition;
  /** The version to build; its tables and checkpoint are dropped first. */
  intoVersion: number;
  upcasters?: UpcasterRegistry;
  /** Events per transaction (default 1000: a rebuild favours throughput). */
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Allow rebuilding the version the projection's code writes live (only with its runners stopped). */
  allowLiveVersion?: boolean;
}

export interface RebuildProgress {
  version: number;
  position: number;
  /** Head when the rebuild started: what "done" means. */
  target: number;
  handled: number;
  /** position / target, 0..1. */
  ratio: number;
  eventsPerSecond: number;
}

export interface RebuildReport {
  checkpointName: string;
  version: number;
  handled: number;
  position: number;
  ms: number;
  eventsPerSecond: number;
}

/**
 * Builds a projection from position zero into a fresh version of its tables, beside the version being
 * served. Its checkpoint stays, so the runner of code that switches to this version continues from
 * there (blue/green); or compare the tables and drop them.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildReport> {
  const { store, orm, projection, intoVersion } = options;
  if (intoVersion === projection.version && !options.allowLiveVersion) {
    throw new Error(
      `Refusing to rebuild ${projection.name} into its live version ${intoVersion}: pick a fresh version, or stop its runners and pass allowLiveVersion`,
    );
  }
  const checkpointName = `${projection.name}_v${intoVersion}`;
  await recreateReadModelTables(orm, projectionEntities(projection, intoVersion));
  const em = orm.em.fork();
  await ensureCheckpointTable(em);
  await deleteCheckpoint(em, checkpointName);

  const started = Date.now();
  const target = await store.headPosition();
  const rate = (n: number) => (n === 0 ? 0 : Math.round((n * 1000) / Math.max(1, Date.now() - started)));
  const runner = new ProjectionRunner({
    store,
    orm,
    projection,
    version: intoVersion,
    upcasters: options.upcasters,
    batchSize: options.batchSize ?? 1000,
    onProgress: (p) =>
      options.onProgress?.({
        version: intoVersion,
        position: p.position,
        target,
        handled: p.handledTotal,
        ratio: target === 0 ? 1 : Math.min(1, p.position / target),
        eventsPerSecond: rate(p.handledTotal),
      }),
  });
  const { handled, position } = await runner.catchUp({ until: target });
  return { checkpointName, version: intoVersion, handled, position, ms: Date.now() - started, eventsPerSecond: rate(handled) };
}
