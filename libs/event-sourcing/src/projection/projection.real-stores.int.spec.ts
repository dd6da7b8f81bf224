import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@alliance/testing';
import { createCommandHandler } from '../decider/command-handler';
import type { EventStore } from '../event-store.port';
import { compareTables } from '../read-model/compare-tables';
import { createReadModelOrm, type ReadModelOrm } from '../read-model/create-read-model-orm';
import { createEventStore } from '../store/create-event-store';
import { seatsDecider } from '../testing/__fixtures__/seats-decider';
import { CourseRows, ReservationRows, seatsProjection } from '../testing/__fixtures__/seats-projection';
import { deleteCheckpoint } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild-projection';

interface Env {
  store: EventStore;
  orm: ReadModelOrm;
  cleanup(): Promise<void>;
}

const setups: { name: string; open(): Promise<Env> }[] = [
  {
    name: 'embedded store, PGlite read models on disk',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'projection-real-'));
      const store = await createEventStore({ kind: 'embedded', dataDir: join(dir, 'events') });
      const orm = await createReadModelOrm({ kind: 'pglite', dataDir: join(dir, 'read-models') });
      return { store, orm, cleanup: async () => (await orm.close(), await store.close(), await rm(dir, { recursive: true, force: true })) };
    },
  },
  {
    name: 'PostgreSQL store, PostgreSQL read models',
    async open() {
      const db = await createTestDatabase('projection_real');
      const store = await createEventStore({ kind: 'postgres', url: db.url });
      const orm = await createReadModelOrm({ kind: 'postgres', url: db.url });
      return { store, orm, cleanup: async () => (await orm.close(), await store.close(), await db.drop()) };
    },
  },
];

const context = { actor: { subject: 'admin' }, correlationId: 'corr' };

describe.each(setups)('projections on real adapters: $name', ({ open }) => {
  let env: Env;
  beforeAll(async () => {
    env = await open();
  }, 30_000);
  afterAll(() => env.cleanup());

  it('builds the same read model live, replayed twice, and rebuilt from zero', async () => {
    const handler = createCommandHandler({ store: env.store, decider: seatsDecider });
    const live = new ProjectionRunner({ store: env.store, orm: env.orm, projection: seatsProjection, batchSize: 3, pollIntervalMs: 5 });
    await live.start();
    let last = 0;
    for (let c = 0; c < 6; c++) {
      const stream = `demo.course-r${c}`;
      await handler.handle(stream, { kind: 'open', courseId: `r${c}`, capacity: 5 }, context);
      for (let l = 0; l < 5; l++) await handler.handle(stream, { kind: 'reserve', courseId: `r${c}`, learnerId: `l${l}` }, context);
      last = (await handler.handle(stream, { kind: 'release', courseId: `r${c}`, learnerId: 'l2' }, context)).lastPosition!;
    }
    await live.waitFor(last, 20_000);
    await live.stop();
    expect(await live.lag()).toMatchObject({ lag: 0, checkpoint: last });
    expect(await env.orm.em.fork().count(seatsProjection.entity(ReservationRows))).toBe(24);

    const rebuilt = await rebuildProjection({ store: env.store, orm: env.orm, projection: seatsProjection, intoVersion: 2 });
    expect(rebuilt.handled).toBe(42);
    for (const model of [CourseRows, ReservationRows]) {
      expect(await compareTables(env.orm.em, model.table(1), model.table(2))).toMatchObject({ equal: true });
    }

    // Replaying everything again over the rebuilt tables must change nothing.
    await deleteCheckpoint(env.orm.em.fork(), 'demo.seats_v2');
    await new ProjectionRunner({ store: env.store, orm: env.orm, projection: seatsProjection, version: 2, batchSize: 50 }).catchUp();
    for (const model of [CourseRows, ReservationRows]) {
      expect(await compareTables(env.orm.em, model.table(1), model.table(2))).toMatchObject({ equal: true });
    }
  }, 60_000);
});
