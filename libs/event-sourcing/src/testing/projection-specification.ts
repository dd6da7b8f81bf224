import { deepStrictEqual } from 'node:assert/strict';
import type { EntityManager } from '@mikro-orm/sql';
import type { EventMetadata } from '../envelope';
import { ANY_REVISION } from '../expected-revision';
import { projectionEntities, type ProjectionDefinition } from '../projection/projection';
import { deleteCheckpoint, ensureCheckpointTable } from '../projection/projection-checkpoints';
import { ProjectionRunner } from '../projection/projection-runner';
import type { ReadModelOrm } from '../read-model/create-read-model-orm';
import { quoteIdent, recreateReadModelTables } from '../read-model/read-model-tables';
import type { AnyEntitySchema } from '../read-model/any-entity-schema';
import type { VersionedReadModel } from '../read-model/versioned-read-model';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { InMemoryEventStore } from './in-memory-event-store';

/** An event for a projection specification; the envelope around it is filled in. */
export interface GivenEvent {
  type: string;
  data: unknown;
  streamId?: string;
  schemaVersion?: number;
  metadata?: Partial<EventMetadata>;
}

/** What the `then` assertion can inspect: the read models at the version the spec built. */
export interface ProjectionSpecView {
  em: EntityManager;
  entity<E extends AnyEntitySchema>(model: VersionedReadModel<E>): E;
  /** All rows of a read model, in a stable order. */
  rows(model: VersionedReadModel): Promise<Record<string, unknown>[]>;
}

export interface ProjectionSpecificationOptions {
  orm: ReadModelOrm;
  projection: ProjectionDefinition;
  upcasters?: UpcasterRegistry;
}

/**
 * Given events / then read model rows, for one projection. Every spec builds fresh tables, applies the
 * events one per batch, then replays all of them again from position zero into the same tables in a
 * single batch, and fails unless both passes leave identical rows (idempotency, batch independence).
 */
export function projectionSpecification(options: ProjectionSpecificationOptions) {
  const { orm, projection } = options;
  return {
    given: (events: readonly GivenEvent[]) => ({
      async then(assert: (view: ProjectionSpecView) => Promise<void> | void): Promise<void> {
        const store = new InMemoryEventStore();
        for (const e of events) {
          await store.appendToStream(
            e.streamId ?? 'spec.stream-1',
            [
              {
                type: e.type,
                schemaVersion: e.schemaVersion,
                data: e.data,
                metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: { subject: 'spec' }, correlationId: 'spec', ...e.metadata },
              },
            ],
            { expectedRevision: ANY_REVISION },
          );
        }
        const version = projection.version;
        const checkpoint = `${projection.name}_v${version}`;
        await recreateReadModelTables(orm, projectionEntities(projection, version));
        await ensureCheckpointTable(orm.em.fork());
        const pass = async (batchSize: number) => {
          await deleteCheckpoint(orm.em.fork(), checkpoint);
          // A handler that throws fails the spec: parking would move past it and hide the bug.
          const runner = new ProjectionRunner({
            store,
            orm,
            projection,
            version,
            upcasters: options.upcasters,
            batchSize,
            parkAfterAttempts: false,
          });
          await runner.catchUp();
          return dumpAll(orm, projection, version);
        };
        const first = await pass(1);
        const second = await pass(Math.max(1, events.length));
        deepStrictEqual(second, first, `Projection ${projection.name} is not idempotent: replaying the same events changed the read model`);
        // The spec's checkpoint must not make a later runner of the same version skip events.
        await deleteCheckpoint(orm.em.fork(), checkpoint);
        const em = orm.em.fork();
        await assert({ em, entity: (m) => m.entity(version), rows: (m) => dumpTable(em, m.table(version)) });
      },
    }),
  };
}

async function dumpAll(orm: ReadModelOrm, projection: ProjectionDefinition, version: number) {
  const em = orm.em.fork();
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const model of projection.readModels) out[model.baseTable] = await dumpTable(em, model.table(version));
  return out;
}

async function dumpTable(em: EntityManager, table: string): Promise<Record<string, unknown>[]> {
  const rows = await em.fork().execute<Record<string, unknown>[]>(`select * from ${quoteIdent(table)}`);
  return rows
    .map((r) => JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>)
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}
