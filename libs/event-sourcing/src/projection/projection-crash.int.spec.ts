import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alliance/testing';
import type { EventStore } from '../event-store.port';
import { createReadModelOrm, type ReadModelDatabaseConfig, type ReadModelOrm } from '../read-model/create-read-model-orm';
import { createEventStore, type EventStoreConfig } from '../store/create-event-store';
import { AppliedEventRows, appliedEventsProjection } from '../testing/__fixtures__/applied-events-projection';
import { readCheckpoint } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';
import { runChildUntilKilled, type ChildMessage } from './__tests__/crash-child-process';

interface Backend {
  name: string;
  open(): Promise<{ store: EventStoreConfig; readModels: ReadModelDatabaseConfig; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'PostgreSQL event store, PostgreSQL read models',
    async open() {
      const db: TestDatabase = await createTestDatabase('projection_crash');
      return { store: { kind: 'postgres', url: db.url }, readModels: { kind: 'postgres', url: db.url }, cleanup: () => db.drop() };
    },
  },
  {
    name: 'embedded event store, PGlite read models on disk',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'projection-crash-'));
      return {
        store: { kind: 'embedded', dataDir: join(dir, 'events') },
        readModels: { kind: 'pglite', dataDir: join(dir, 'read-models') },
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
];

// A child process appends and projects at the same time and is SIGKILLed; the read model counts how
// often each event id was applied, so a lost event is a missing row and a double one a count of 2.
describe.each(backends)('projection survives SIGKILL: $name', (backend) => {
  let env: Awaited<ReturnType<Backend['open']>>;
  beforeEach(async () => {
    env = await backend.open();
  });
  afterEach(() => env.cleanup());

  async function inspect(): Promise<{ store: EventStore; orm: ReadModelOrm; close(): Promise<void> }> {
    const store = await createEventStore(env.store);
    const orm = await createReadModelOrm(env.readModels, { projections: [appliedEventsProjection] });
    return { store, orm, close: async () => (await orm.close(), await store.close()) };
  }

  async function tickPositions(store: EventStore): Promise<number[]> {
    const positions: number[] = [];
    for await (const e of store.readAll({ filter: { eventTypes: ['demo.tick'] } })) positions.push(e.position);
    return positions;
  }

  async function appliedRows(orm: ReadModelOrm) {
    return orm.em.fork().find(AppliedEventRows.entity(1), {}, { orderBy: { position: 'asc' } });
  }

  async function expectExactlyOnce(): Promise<void> {
    const { store, orm, close } = await inspect();
    try {
      // Before any recovery: the committed read model matches its checkpoint exactly.
      const checkpoint = (await readCheckpoint(orm.em.fork(), 'demo.applied-events_v1')) ?? 0;
      expect(checkpoint).toBeGreaterThan(0);
      const before = await appliedRows(orm);
      expect(before.map((r) => r.position)).toEqual((await tickPositions(store)).filter((p) => p <= checkpoint));

      await new ProjectionRunner({ store, orm, projection: appliedEventsProjection, batchSize: 25 }).catchUp();
      const rows = await appliedRows(orm);
      expect(rows.map((r) => r.position)).toEqual(await tickPositions(store));
      expect(rows.filter((r) => r.applications !== 1)).toEqual([]);
      expect(await readCheckpoint(orm.em.fork(), 'demo.applied-events_v1')).toBe(await store.headPosition());
    } finally {
      await close();
    }
  }

  it('kills the child inside a batch transaction (rows written, checkpoint not moved)', async () => {
    const messages = await runChildUntilKilled(
      { store: env.store, readModels: env.readModels, append: 300, hangAt: 120, batchSize: 25 },
      (m) => m.hanging !== undefined,
    );
    const hanging = messages.find((m) => m.hanging !== undefined)!.hanging as number;
    const checkpoints = messages.filter((m) => m.checkpoint !== undefined).map((m) => m.checkpoint as number);
    expect(Math.max(0, ...checkpoints)).toBeLessThan(hanging);
    await expectExactlyOnce();
  }, 120_000);

  it('kills the child at arbitrary points, three times in a row, while it appends', async () => {
    for (const batchesBeforeKill of [2, 5, 3]) {
      // Kill once the child has committed a few batches while its appends are still going on.
      let appending = false;
      let batches = 0;
      const isKillPoint = (m: ChildMessage) => {
        if (m.appended !== undefined) appending = true;
        if (m.checkpoint !== undefined && appending) batches++;
        return batches >= batchesBeforeKill;
      };
      const messages = await runChildUntilKilled(
        { store: env.store, readModels: env.readModels, append: 5_000, hangAt: -1, batchSize: 10, appendDelayMs: 2 },
        isKillPoint,
      );
      expect(messages.some((m) => m.appendedAll !== undefined)).toBe(false);
    }
    await expectExactlyOnce();
  }, 180_000);
});
